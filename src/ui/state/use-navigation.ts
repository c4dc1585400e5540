import { useCallback, useRef, useState } from 'react';
import { initialNavigation, type NavAction, type Navigation, navigate } from './navigation.ts';

/**
 * The navigation reducer, with its latest state readable at once. Keys that arrive together are
 * handled before the next render; a handler that acts on the selection (tick the selected item)
 * reads `latest()`, which already counts the moves of the keys before it in the same burst.
 */
export function useNavigation(): { nav: Navigation; dispatch: (action: NavAction) => void; latest: () => Navigation } {
  const current = useRef(initialNavigation);
  const [nav, setNav] = useState(initialNavigation);
  const dispatch = useCallback((action: NavAction) => {
    current.current = navigate(current.current, action);
    setNav(current.current);
  }, []);
  const latest = useCallback(() => current.current, []);
  return { nav, dispatch, latest };
}
