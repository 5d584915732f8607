import type { Middleware } from 'oidc-provider';
import { grantContextFromExtra } from './grant-context-schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds SMART's launch context to successful token responses (SMART App Launch 2.x, "Response to access token
 * request"): `patient` and `need_patient_banner` when a patient is in context, and `scope` as really granted.
 */
export function smartTokenResponse(): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || !isRecord(ctx.body)) return;
    const context = grantContextFromExtra(ctx.oidc.entities.AccessToken?.extra);
    if (!context) return;
    ctx.body = {
      ...ctx.body,
      scope: context.scope.join(' '),
      // The sandbox opens the app full-window, outside any EHR chrome, so the app must show who the patient is.
      ...(context.patient === undefined ? {} : { patient: context.patient, need_patient_banner: true }),
    };
  };
}
