import { LIVE_BADGE_CLASS, LIVE_DOT_CLASS, LIVE_LABEL_CLASS, LIVE_LOOK } from './live-look'
import { liveStatusText, useLiveState } from './state'

/** The header's connection state: Live, Reconnecting (attempt n) or Polling, in words (not colour alone). */
export function LiveStatus() {
  const state = useLiveState()
  const { label, detail } = liveStatusText(state)
  const look = LIVE_LOOK[state.kind === 'live' || state.kind === 'reconnecting' ? state.kind : 'other']
  return (
    <span role="status" title={detail} className={`${LIVE_BADGE_CLASS} ${look.badge}`}>
      {/* The dot is decoration; the words say the state. */}
      <span aria-hidden="true" className={`${LIVE_DOT_CLASS} ${look.dot}`} />
      <span className={LIVE_LABEL_CLASS}>{label}</span>
    </span>
  )
}
