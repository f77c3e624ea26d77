// What the views get from the app: the commands (to the core) and which kind of window this is.
import { createContext, useContext } from 'react';
import type { Commands } from './controller.ts';

/** `desktop`: the Electron app (native notifications, start at login). `browser`: `gatehouse daemon --ui`. */
export type WindowMode = 'desktop' | 'browser';

export interface AppContextValue {
  commands: Commands;
  mode: WindowMode;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext is missing: render views inside <AppContext.Provider>');
  return value;
}

export const useCommands = (): Commands => useAppContext().commands;
