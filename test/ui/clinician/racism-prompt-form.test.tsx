/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedRacismPrompt } from '../../../src/domain/racism-prompt-response';
import { httpError } from '../../../src/fhir/app-error';
import { RacismPromptForm } from '../../../src/ui/features/clinician/RacismPromptForm';
import type { SavePrompt } from '../../../src/ui/features/clinician/RacismPromptForm';
import { RecordedPrompt } from '../../../src/ui/features/clinician/RecordedPrompt';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

const saved = (details: string): RecordedRacismPrompt => ({
  id: 'qr1',
  authored: '2026-11-23T10:00:00Z',
  author: { reference: 'Practitioner/1', display: 'Dr One' },
  encounter: undefined,
  outcome: { kind: 'shared', details, experienceKinds: [], settings: [], followUps: [], careTeamNote: '' },
});

function fillShared(text: string): void {
  fireEvent.click(screen.getByLabelText('The patient shared an experience'));
  fireEvent.change(screen.getByLabelText('What the patient shared'), { target: { value: text } });
}

describe('RacismPromptForm', () => {
  it('keeps what was typed on this device, per patient, until the write is confirmed', () => {
    const save = vi.fn<SavePrompt>();
    render(<RacismPromptForm patientId="p1" save={save} onSaved={vi.fn()} storage={localStorage} />);
    fillShared('Told to wait longer than others');
    cleanup();
    render(<RacismPromptForm patientId="p1" save={save} onSaved={vi.fn()} storage={localStorage} />);
    expect(screen.getByLabelText<HTMLTextAreaElement>('What the patient shared').value).toBe(
      'Told to wait longer than others',
    );
    cleanup();
    render(<RacismPromptForm patientId="p2" save={save} onSaved={vi.fn()} storage={localStorage} />);
    expect(screen.queryByLabelText('What the patient shared')).toBeNull();
  });

  it('writes once on a double click', async () => {
    let finish: (record: RecordedRacismPrompt) => void = () => undefined;
    const save = vi.fn<SavePrompt>(() => new Promise((resolve) => (finish = resolve)));
    const onSaved = vi.fn();
    render(<RacismPromptForm patientId="p1" save={save} onSaved={onSaved} storage={localStorage} />);
    fillShared('x');
    const button = screen.getByTestId('save-prompt');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(save).toHaveBeenCalledOnce();
    finish(saved('x'));
    await screen.findByTestId('prompt-saved');
    expect(onSaved).toHaveBeenCalledOnce();
    expect(localStorage.length).toBe(0);
  });

  it('says why a write failed, keeps the text, and retries with the same identifier', async () => {
    const save = vi
      .fn<SavePrompt>()
      .mockRejectedValueOnce(httpError(503, 'saving the answer'))
      .mockResolvedValueOnce(saved('kept'));
    render(<RacismPromptForm patientId="p1" save={save} onSaved={vi.fn()} storage={localStorage} />);
    fillShared('kept');
    fireEvent.click(screen.getByTestId('save-prompt'));
    expect((await screen.findByRole('alert')).textContent).toContain('The FHIR server had a problem');
    expect(screen.getByLabelText<HTMLTextAreaElement>('What the patient shared').value).toBe('kept');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('prompt-saved');
    const [first, second] = save.mock.calls;
    expect(second?.[1]).toBe(first?.[1]);
    expect([first?.[2], second?.[2]]).toEqual([false, true]);
  });

  it('asks for what is missing instead of saving half an answer', async () => {
    const save = vi.fn<SavePrompt>();
    render(<RacismPromptForm patientId="p1" save={save} onSaved={vi.fn()} storage={localStorage} />);
    fireEvent.click(screen.getByTestId('save-prompt'));
    expect(await screen.findByText('Choose what happened.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('I did not ask at this visit'));
    fireEvent.click(screen.getByTestId('save-prompt'));
    await waitFor(() => screen.getByText('Choose why the question was not asked.'));
    expect(save).not.toHaveBeenCalled();
  });
});

describe('RecordedPrompt', () => {
  it('shows what the patient said as text, never as HTML', () => {
    const { container } = render(<RecordedPrompt record={saved('<img src=x onerror=alert(1)>')} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('recorded-details').textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
