/** @vitest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeServer } from '../../fhir/self-report-fake-server';
import { RECORDED_PATIENT, renderPatientHome } from './render-patient-home';

const DRAFT_KEY = 'equity-lens:self-report-draft:p1';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function chooseAsianAndSave(): Promise<void> {
  await screen.findByTestId('patient-greeting');
  fireEvent.click(screen.getByRole('checkbox', { name: 'Asian' }));
  fireEvent.click(screen.getByTestId('save'));
}

describe('when saving goes wrong, nothing is lost and nothing is overwritten', () => {
  it('keeps the answers on the page and on the device after a server error, and Try again saves them', async () => {
    const server = fakeServer(RECORDED_PATIENT);
    server.failNext.set('PUT Patient', 503);
    renderPatientHome(server);
    await chooseAsianAndSave();
    expect((await screen.findByRole('alert')).textContent).toContain('Your clinic’s system had a problem');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Asian' }).checked).toBe(true);
    expect(localStorage.getItem(DRAFT_KEY)).toContain('2028-9');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Thank you. Your answers are saved.')).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('offers answers kept from an unconfirmed submission when the page opens again', async () => {
    const server = fakeServer(RECORDED_PATIENT);
    server.failNext.set('PUT Patient', 503);
    renderPatientHome(server);
    await chooseAsianAndSave();
    await screen.findByRole('alert');
    cleanup();
    renderPatientHome(server);
    expect(await screen.findByTestId('restored')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Asian' }).checked).toBe(true);
  });

  it('on a conflict shows what changed and saves over it only when the patient says so', async () => {
    const server = renderPatientHome();
    await screen.findByTestId('patient-greeting');
    server.editAsSomeoneElse((p) => ({ ...p, extension: [] }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Asian' }));
    fireEvent.click(screen.getByTestId('save'));
    const conflict = await screen.findByTestId('conflict');
    expect(within(conflict).getByTestId('conflict-now-race').textContent).toBe('Not answered');
    expect(server.log.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Save my answers' }));
    expect(await screen.findByText('Thank you. Your answers are saved.')).toBeTruthy();
  });

  it('when the server refuses the write, shows the answers with codes to print or hand to staff', async () => {
    const server = fakeServer(RECORDED_PATIENT);
    server.failNext.set('PUT Patient', 403);
    renderPatientHome(server);
    await chooseAsianAndSave();
    const panel = await screen.findByTestId('forbidden');
    expect(within(panel).getByText('We cannot save your answers here')).toBeTruthy();
    expect(within(panel).getByText(/race: 2028-9 Asian, 2106-3 White/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Print my answers' })).toBeTruthy();
  });
});
