import { useCallback, useEffect, useState } from 'react'
import { applyTheme as apply, readThemeChoice as read, THEME_KEY as KEY, type ThemeChoice } from './theme-choice'

export type { ThemeChoice } from './theme-choice'

/** Light and dark themes: follows the OS until the user picks one. */
export function useTheme(): [ThemeChoice, () => void] {
  const [choice, setChoice] = useState<ThemeChoice>(read)
  useEffect(() => {
    apply(choice)
    if (choice !== 'system') return
    const mq = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => apply('system')
    mq.addEventListener?.('change', onChange)
    return () => mq.removeEventListener?.('change', onChange)
  }, [choice])
  const cycle = useCallback(() => {
    setChoice((c) => {
      const next: ThemeChoice = c === 'system' ? 'dark' : c === 'dark' ? 'light' : 'system'
      try {
        if (next === 'system') localStorage.removeItem(KEY)
        else localStorage.setItem(KEY, next)
      } catch {
        /* storage unavailable: the choice lasts this page */
      }
      return next
    })
  }, [])
  return [choice, cycle]
}
