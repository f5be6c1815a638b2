/**
 * One error type at the boundary: every failure of a request (HTTP status with any of the
 * supervisor's five body shapes, network drop, timeout, unparsable body, unexpected shape)
 * becomes an ApiError. Nothing downstream reads raw responses.
 */
export type ApiErrorCode =
  | 'unauthorized' // 401: token missing, expired, rejected by the gateway or sent twice
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'conflict' // 409 (session conflict, approval no longer available)
  | 'bad_request' // other 4xx
  | 'server' // 5xx
  | 'network' // fetch rejected: offline, DNS, CORS
  | 'timeout' // no answer within the client timeout
  | 'aborted' // the caller aborted (navigation, unmount)
  | 'invalid_response' // body could not be parsed or did not match the expected shape

export interface FieldError {
  field?: string
  code?: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  /** Field errors sent with 400 InvalidTaskArguments. */
  readonly fieldErrors: FieldError[]
  /** The method and path (never the query: it could carry secrets) for the message. */
  readonly request?: string
  /** How long the attempt took (ms), when known: a retry must not stretch the wait past the timeout. */
  readonly elapsedMs?: number

  constructor(opts: { status: number; code: ApiErrorCode; message: string; fieldErrors?: FieldError[]; request?: string; elapsedMs?: number }) {
    super(opts.message)
    this.name = 'ApiError'
    this.status = opts.status
    this.code = opts.code
    this.fieldErrors = opts.fieldErrors ?? []
    this.request = opts.request
    this.elapsedMs = opts.elapsedMs
  }

  /**
   * No answer came (timeout, network drop): a write may or may not have happened on the server.
   * The opposite of a refusal, which is an answer with an error status.
   */
  get unanswered(): boolean {
    return this.code === 'timeout' || this.code === 'network'
  }

  /** Errors that may heal by themselves: worth an automatic retry of a read. */
  get isTransient(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.status === 408 ||
      this.status === 429 ||
      (this.status >= 500 && this.status !== 501)
    )
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 405) return 'method_not_allowed'
  if (status === 409) return 'conflict'
  if (status >= 500) return 'server'
  return 'bad_request'
}

const GENERIC: Record<number, string> = {
  400: 'The server refused the request as invalid.',
  401: 'Your session is not valid. Sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  405: 'The server does not offer this operation.',
  408: 'The server took too long to answer.',
  409: 'The request conflicts with the current state.',
  429: 'Too many requests. Wait a moment and retry.',
  500: 'The server failed to handle the request.',
  502: 'The server is unreachable behind its gateway.',
  503: 'The server is unavailable right now.',
  504: 'The server’s gateway timed out.',
}

/** Server messages worth rewording: what they mean to a person, and what to do next. */
const REWORDED: Array<[RegExp, string]> = [
  [/session conflict/i, 'This access token belongs to another organization (session conflict). Check the organization or sign in again.'],
  [/^authentication failed$/i, 'The gateway rejected your access token. Sign in again.'],
  [/^unauthorized$/i, 'Your session is not valid. Sign in again.'],
  [/^forbidden$/i, 'You are not allowed to do this.'],
  [/^internal server error$/i, 'The server failed to handle the request (Internal Server Error).'],
]

function reword(message: string): string {
  for (const [re, text] of REWORDED) if (re.test(message.trim())) return text
  return message
}

function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/**
 * Reads any of the supervisor's error bodies:
 * 1. a JSON string: "Unauthorized", "forbidden", "job not found", "Internal Server Error";
 * 2. the gateway's `{message:"authentication failed", body, statusCode, stack}`;
 * 3. an Error's toJSON `{message, statusCode, stack}` (session conflict);
 * 4. `{statusCode, message, errors}` from sendError (with field errors for InvalidTaskArguments);
 * 5. restify's `{code: "ResourceNotFound", message}`.
 * Anything else (HTML from a proxy, empty body) falls back to a generic text for the status.
 */
export function errorFromResponse(status: number, body: unknown, request?: string, elapsedMs?: number): ApiError {
  let message: string | undefined
  let fieldErrors: FieldError[] | undefined
  if (typeof body === 'string' && body.trim() && !/^\s*</.test(body)) {
    message = clip(body)
  } else if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>
    if (typeof b.message === 'string' && b.message.trim()) message = clip(b.message)
    if (Array.isArray(b.errors)) {
      fieldErrors = b.errors.flatMap((e): FieldError[] => {
        if (!e || typeof e !== 'object') return typeof e === 'string' ? [{ message: e }] : []
        const r = e as Record<string, unknown>
        return [
          {
            field: typeof r.field === 'string' ? r.field : typeof r.label === 'string' ? r.label : undefined,
            code: typeof r.code === 'string' ? r.code : undefined,
            message: typeof r.message === 'string' ? r.message : 'invalid value',
          },
        ]
      })
    }
  }
  if (message === 'InvalidTaskArguments') message = 'Some arguments are not valid.'
  const text = message ? reword(message) : (GENERIC[status] ?? `The server answered with status ${status}.`)
  return new ApiError({ status, code: codeForStatus(status), message: text, fieldErrors, request, elapsedMs })
}

/** The message of any error, for people. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message
  if (error instanceof Error) return error.message || 'Something went wrong.'
  return 'Something went wrong.'
}

/** Whether a write's error means "no answer: it may have been done" rather than "refused". */
export function isUnanswered(error: unknown): boolean {
  return isApiError(error) && error.unanswered
}

/**
 * How a failed write reads: "refused" only when the server answered with an error status; when
 * it did not answer, the change may have been made all the same.
 */
export function writeFailureText(error: unknown): string {
  if (isUnanswered(error)) return `The server did not answer, so it may have done it: ${errorMessage(error)}`
  return `The server refused this: ${errorMessage(error)}`
}

/**
 * How a failed approval decision reads, wherever it was made (job page, approvals inbox, workflow run):
 * "not recorded" only when the server answered; when it did not, the decision may have been recorded.
 */
export function decisionFailureTitle(label: string, error: unknown): string {
  return isUnanswered(error) ? `No answer to “${label}”: it may have been recorded all the same` : `“${label}” was not recorded`
}

/** What the user should do next, for error panels and toasts. */
export function nextStep(error: unknown): 'retry' | 'sign-in' | 'back' | 'none' {
  if (!isApiError(error)) return 'retry'
  if (error.code === 'unauthorized') return 'sign-in'
  if (error.code === 'not_found') return 'back'
  if (error.code === 'forbidden' || error.code === 'bad_request' || error.code === 'method_not_allowed') return 'none'
  if (error.code === 'conflict') return /organization/i.test(error.message) ? 'sign-in' : 'none'
  return 'retry'
}
