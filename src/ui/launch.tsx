import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { launchFailure } from '../fhir/launch-plan';
import { startLaunch } from '../fhir/smart-launch';
import { ErrorPanel } from './components/ErrorPanel';
import './styles.css';

const root = document.getElementById('root');

startLaunch(window.location).catch((error: unknown) => {
  if (root === null) return;
  createRoot(root).render(
    <StrictMode>
      <main className="page">
        <ErrorPanel error={launchFailure(error)} level={1} />
      </main>
    </StrictMode>,
  );
});
