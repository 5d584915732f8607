/** @vitest-environment jsdom */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answersFromPatient } from '../../../src/domain/self-report-patient';
import { SELF_REPORT_FORMS } from '../../../src/domain/self-report-form';
import { isSelfReportProvenance } from '../../../src/domain/self-report-provenance';
import { renderPatientHome } from './render-patient-home';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the self-report form', () => {
  it('shows why we ask and what the record holds, with the answers filled in from it', async () => {
    renderPatientHome();
    expect((await screen.findByTestId('patient-greeting')).textContent).toBe('Hello, Ana Rivera');
    expect(screen.getByText(/never decide what care you get/)).toBeTruthy();
    const race = screen.getByRole('group', { name: 'What is your race?' });
    expect(within(race).getByText('Your record now says: White')).toBeTruthy();
    expect(within(race).getByRole<HTMLInputElement>('checkbox', { name: 'White' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'English' }).checked).toBe(true);
  });

  it('switches to Spanish and remembers the choice', async () => {
    renderPatientHome();
    await screen.findByTestId('patient-greeting');
    expect(screen.getByTestId('way-in').textContent).toBe('My information');
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByRole('group', { name: '¿Cuál es su raza?' })).toBeTruthy();
    // The header too: the whole page is in the patient's language.
    expect(screen.getByTestId('way-in').textContent).toBe('Mi información');
    expect(screen.getByRole('banner').getAttribute('lang')).toBe('es');
    expect(within(screen.getByRole('banner')).getByText('Sesión iniciada como')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Blanca' })).toBeTruthy();
    expect(localStorage.getItem('equity-lens:patient-language')).toBe('es');
    cleanup();
    renderPatientHome();
    expect((await screen.findByTestId('patient-greeting')).textContent).toBe('Hola, Ana Rivera');
  });

  it('adds a detailed group by search, rolls it up, and saves with a Provenance', async () => {
    const server = renderPatientHome();
    await screen.findByTestId('patient-greeting');
    const race = screen.getByRole('group', { name: 'What is your race?' });
    fireEvent.click(within(race).getByRole('checkbox', { name: 'White' }));
    fireEvent.change(within(race).getByRole('searchbox', { name: 'Search for a group' }), {
      target: { value: 'filip' },
    });
    fireEvent.click(within(race).getByRole('button', { name: 'Add Filipino (Asian)' }));
    expect(within(race).getByRole<HTMLInputElement>('checkbox', { name: 'Asian' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Tagalog' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('Thank you. Your answers are saved.')).toBeTruthy();
    expect(answersFromPatient(server.patient, SELF_REPORT_FORMS['omb-1997'])).toEqual({
      race: { kind: 'codes', codes: ['2028-9', '2036-2'] },
      ethnicity: undefined,
      language: 'tl',
      interpreterNeeded: true,
    });
    expect(server.created.filter((r) => isSelfReportProvenance(r, 'p1'))).toHaveLength(1);
    expect(localStorage.getItem('equity-lens:self-report-draft:p1')).toBeNull(); // confirmed, so not kept
  });

  it('makes "I prefer not to answer" the only race answer', async () => {
    renderPatientHome();
    await screen.findByTestId('patient-greeting');
    const race = screen.getByRole('group', { name: 'What is your race?' });
    fireEvent.click(within(race).getByRole('checkbox', { name: 'I prefer not to answer' }));
    expect(within(race).getByRole<HTMLInputElement>('checkbox', { name: 'White' }).checked).toBe(false);
    fireEvent.click(within(race).getByRole('checkbox', { name: 'Asian' }));
    expect(within(race).getByRole<HTMLInputElement>('checkbox', { name: 'I prefer not to answer' }).checked).toBe(
      false,
    );
  });
});

describe('the 2024 OMB standard, switched on by configuration', () => {
  it('asks race and ethnicity in one question, with Middle Eastern or North African, and writes both extensions', async () => {
    const server = renderPatientHome(undefined, 'omb-2024');
    await screen.findByTestId('patient-greeting');
    expect(screen.queryByRole('group', { name: 'Are you Hispanic or Latino?' })).toBeNull();
    const question = screen.getByRole('group', { name: 'What is your race or ethnicity?' });
    fireEvent.click(within(question).getByRole('checkbox', { name: 'White' }));
    fireEvent.click(within(question).getByRole('checkbox', { name: 'Middle Eastern or North African' }));
    fireEvent.click(within(question).getByRole('checkbox', { name: 'Hispanic or Latino' }));
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByText('Thank you. Your answers are saved.');
    expect(answersFromPatient(server.patient, SELF_REPORT_FORMS['omb-2024']).race).toEqual({
      kind: 'codes',
      codes: ['2135-2', '2118-8'],
    });
    expect(answersFromPatient(server.patient, SELF_REPORT_FORMS['omb-1997']).ethnicity).toEqual({
      kind: 'codes',
      codes: ['2135-2'],
    });
  });
});
