import { createContext, type ReactNode, useContext } from 'react';
import type { Theme } from '../theme.ts';

const ThemeContext = createContext<Theme | undefined>(undefined);

export const ThemeProvider = ({ theme, children }: { theme: Theme; children: ReactNode }) => (
  <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>
);

export function useTheme(): Theme {
  const theme = useContext(ThemeContext);
  if (!theme) throw new Error('useTheme must be used inside <ThemeProvider>');
  return theme;
}
