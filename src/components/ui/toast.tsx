import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { plainText } from '@/lib/text'

export type ToastTone = 'info' | 'success' | 'error'
interface Toast {
  id: number
  tone: ToastTone
  message: string
}

interface ToastApi {
  show: (message: string, tone?: ToastTone) => void
}

const ToastContext = createContext<ToastApi>({ show: () => {} })

export function useToast(): ToastApi {
  return use(ToastContext)
}

const ICON: Record<ToastTone, string> = { info: 'ℹ', success: '✓', error: '⚠' }
const TONE: Record<ToastTone, string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100',
}

/** Toasts announce themselves (polite for news, assertive for errors) and stay until read or 8 s. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), [])
  const show = useCallback(
    (message: string, tone: ToastTone = 'info') => {
      const id = next.current++
      setToasts((t) => [...t.slice(-4), { id, tone, message: plainText(message, 400) }])
      setTimeout(() => dismiss(id), tone === 'error' ? 12_000 : 8_000)
    },
    [dismiss],
  )
  const api = useMemo(() => ({ show }), [show])
  return (
    <ToastContext value={api}>
      {children}
      <div className="pointer-events-none fixed right-3 bottom-3 z-50 flex w-[min(24rem,calc(100vw-1.5rem))] flex-col gap-2">
        <div aria-live="polite" className="contents">
          {toasts.filter((t) => t.tone !== 'error').map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
        <div aria-live="assertive" className="contents">
          {toasts.filter((t) => t.tone === 'error').map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext>
  )
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div role={toast.tone === 'error' ? 'alert' : 'status'} className={`pointer-events-auto flex items-start gap-2 rounded-md border p-3 text-sm shadow-lg ${TONE[toast.tone]}`}>
      <span aria-hidden="true">{ICON[toast.tone]}</span>
      <p className="min-w-0 flex-1 break-words">{toast.message}</p>
      <button type="button" className="rounded px-1 hover:bg-black/10" aria-label="Dismiss notification" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  )
}
