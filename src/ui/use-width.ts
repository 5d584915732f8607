import { useEffect, useRef, useState } from 'react';

/**
 * The width of an element, following resizes (charts are drawn at a fixed pixel size). Starts at `fallback`, which
 * is also kept where ResizeObserver is missing (tests in jsdom).
 */
export function useWidth<T extends HTMLElement>(fallback: number): readonly [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width;
      if (measured !== undefined && measured > 0) setWidth(Math.floor(measured));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, width] as const;
}
