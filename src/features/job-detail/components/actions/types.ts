/** What an action reports to the job page's outcome line. */
export type Notice = { kind: 'status'; text: string } | { kind: 'error'; title: string; error: unknown }

/** What every action of the actions row receives. */
export interface ActionProps {
  /** The action applies to the job now; when false the button stays in place, disabled (see shownSlots). */
  available: boolean
  onNotice: (notice: Notice | null) => void
  /** The user acted: keep the row's buttons where they are. */
  onActed: () => void
  /** Where focus goes after a dialog when its opener is gone. */
  returnFocus: () => HTMLElement | null | undefined
  /** The outcome line (status or error) once shown: where focus goes when an action used up the focused control. */
  outcome: () => HTMLElement | null
}
