import type { ReactNode } from 'react'
import { BADGE_CLASS, TONES, type Tone } from './badge-tones'
import { cn } from './cn'

export type { Tone } from './badge-tones'

export function Badge({ tone = 'neutral', icon, children, className, title }: { tone?: Tone; icon?: ReactNode; children: ReactNode; className?: string; title?: string }) {
  return (
    <span title={title} className={cn(BADGE_CLASS, TONES[tone], className)}>
      {icon && <span aria-hidden="true">{icon}</span>}
      <span className="truncate">{children}</span>
    </span>
  )
}
