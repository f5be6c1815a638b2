/* The stored theme, without React: the boot module applies it before the first paint, useTheme after. */

export type ThemeChoice = 'system' | 'light' | 'dark'
export const THEME_KEY = 'theeye.theme'

export function applyTheme(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
}

export function readThemeChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

/** The theme button's icon. */
export const THEME_ICON: Record<ThemeChoice, string> = { dark: '☾', light: '☀', system: '◐' }
