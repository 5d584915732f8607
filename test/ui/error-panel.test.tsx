/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, httpError } from '../../src/fhir/app-error';
import { ErrorPanel } from '../../src/ui/components/ErrorPanel';

afterEach(cleanup);

describe('ErrorPanel', () => {
  it('says what happened, what the server said and what to do, and offers Retry when it may help', () => {
    const onRetry = vi.fn();
    render(<ErrorPanel error={httpError(503, 'loading patients', ['maintenance window'])} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('The FHIR server had a problem');
    expect(screen.getByText('maintenance window')).toBeTruthy();
    expect(screen.getByText(/Try again in a moment/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers no Retry for errors that retrying cannot fix', () => {
    render(<ErrorPanel error={httpError(403, 'loading patients')} onRetry={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders server text as text, never as HTML', () => {
    const error = new AppError({ kind: 'unexpected', title: 'T', detail: '<img src=x onerror=alert(1)>', action: 'A' });
    const { container } = render(<ErrorPanel error={error} />);
    expect(container.querySelector('img')).toBeNull();
  });
});
