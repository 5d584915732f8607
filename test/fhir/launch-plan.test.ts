import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/fhir/app-error';
import { launchFailure, planLaunch } from '../../src/fhir/launch-plan';

const APP = 'http://localhost:5173/launch.html';

describe('planLaunch', () => {
  it('plans an EHR launch when the EHR sends launch and iss', () => {
    const plan = planLaunch(
      new URL(`${APP}?launch=abc&iss=${encodeURIComponent('http://localhost:8080/fhir/')}`),
      'equity-lens',
    );
    expect(plan).toMatchObject({
      kind: 'ehr',
      launch: 'abc',
      iss: 'http://localhost:8080/fhir',
      redirectUri: 'http://localhost:5173/',
    });
    expect(plan instanceof AppError ? '' : plan.scope.split(' ')).toContain('launch');
  });

  it('plans a standalone patient launch when only iss is given', () => {
    const plan = planLaunch(new URL(`${APP}?iss=http://localhost:8080/fhir`), 'equity-lens');
    expect(plan).toMatchObject({ kind: 'standalone', launch: undefined });
    expect(plan instanceof AppError ? '' : plan.scope.split(' ')).toContain('launch/patient');
  });

  it('explains a launch without iss instead of redirecting nowhere', () => {
    expect(planLaunch(new URL(APP), 'equity-lens')).toMatchObject({ kind: 'launch-missing-iss' });
  });

  it('refuses an iss that is not a web address', () => {
    expect(planLaunch(new URL(`${APP}?iss=javascript:alert(1)`), 'equity-lens')).toMatchObject({
      kind: 'launch-failed',
    });
  });
});

describe('launchFailure', () => {
  it.each([
    ['access_denied: The user said no', 'launch-denied'],
    ["No 'state' parameter found. Please (re)launch the app.", 'launch-no-state'],
    ['Failed to fetch', 'network'],
    ['invalid_grant: code expired', 'launch-failed'],
  ])('maps "%s" to %s', (message, kind) => {
    expect(launchFailure(new Error(message)).kind).toBe(kind);
  });
});
