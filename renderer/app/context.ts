// What the views get from the app: the commands (to the core), which kind of window this is, and how to put a
// terminal on screen (xterm.js in the app, a fake in tests).
import { createContext, useContext } from 'react';
import type { SurfaceFactory } from '../terminal/surface.ts';
import type { Commands } from './controller.ts';

/** `desktop`: the Electron app (native notifications, start at login). `browser`: `gatehouse daemon --ui`. */
export type WindowMode = 'desktop' | 'browser';

export interface AppContextValue {
  commands: Commands;
  mode: WindowMode;
  surfaces: SurfaceFactory;
  /** Asks the core again at once, once the connection is lost (browser mode: app/reconnect.ts); a reload otherwise. */
  reconnect?: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext is missing: render views inside <AppContext.Provider>');
  return value;
}

export const useCommands = (): Commands => useAppContext().commands;
export const useSurfaces = (): SurfaceFactory => useAppContext().surfaces;
