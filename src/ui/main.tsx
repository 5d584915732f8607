import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from '../worker/engine-client';
import { App } from './App';
import './styles.css';

// The engine's worker loads while the launch completes, in case this is the quality lead's view (App ends it if not).
EngineClient.prestart();

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
