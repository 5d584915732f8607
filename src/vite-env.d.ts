/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SMART_CLIENT_ID?: string;
  /** Months after which the in-visit racism-experience question is due again (default 12). */
  readonly VITE_RACISM_PROMPT_INTERVAL_MONTHS?: string;
  /** `omb-2024` switches the self-report form to the 2024 OMB standard (combined question, MENA); default 1997. */
  readonly VITE_OMB_STANDARD?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
