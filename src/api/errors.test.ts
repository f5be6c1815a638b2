import { describe, expect, it } from 'vitest'
import { ApiError, decisionFailureTitle, errorFromResponse, nextStep } from './errors'

describe('errorFromResponse: the five error body shapes', () => {
  it('reads a bare JSON string (no token / token twice)', () => {
    const e = errorFromResponse(401, 'Unauthorized')
    expect(e.code).toBe('unauthorized')
    expect(e.message).toMatch(/sign in again/i)
    expect(nextStep(e)).toBe('sign-in')
  })

  it('reads the gateway rejection object', () => {
    const e = errorFromResponse(401, { stack: 'Error: …', message: 'authentication failed', name: 'authentication failed', body: 'x', statusCode: 401 })
    expect(e.message).toMatch(/gateway rejected your access token/i)
    expect(e.message).not.toMatch(/stack|Error:/)
  })

  it('explains the 409 session conflict as another organization', () => {
    const e = errorFromResponse(409, { stack: '…', message: 'Incorrect Organizations. Session conflict', statusCode: 409 })
    expect(e.code).toBe('conflict')
    expect(e.message).toMatch(/another organization/i)
    expect(nextStep(e)).toBe('sign-in')
  })

  it('reads "forbidden" from requireCredential', () => {
    const e = errorFromResponse(403, 'forbidden')
    expect(e.code).toBe('forbidden')
    expect(e.message).toBe('You are not allowed to do this.')
  })

  it('keeps controller messages such as "unauthorized approver" and "job not found"', () => {
    expect(errorFromResponse(403, 'unauthorized approver').message).toBe('unauthorized approver')
    const notFound = errorFromResponse(404, { statusCode: 404, message: 'job not found', errors: null })
    expect(notFound.message).toBe('job not found')
    expect(nextStep(notFound)).toBe('back')
  })

  it('reads restify ResourceNotFound / MethodNotAllowed', () => {
    expect(errorFromResponse(404, { code: 'ResourceNotFound', message: '/job/x/approve does not exist' }).message).toBe('/job/x/approve does not exist')
    expect(errorFromResponse(405, { code: 'MethodNotAllowed', message: 'GET is not allowed' }).code).toBe('method_not_allowed')
  })

  it('collects field errors of InvalidTaskArguments', () => {
    const e = errorFromResponse(400, {
      statusCode: 400,
      message: 'InvalidTaskArguments',
      errors: [{ field: 'ticket', code: 'EREQ', message: 'ticket is required' }],
    })
    expect(e.message).toBe('Some arguments are not valid.')
    expect(e.fieldErrors).toEqual([{ field: 'ticket', code: 'EREQ', message: 'ticket is required' }])
  })

  it('falls back to a generic text for HTML or empty bodies', () => {
    expect(errorFromResponse(502, '<html><body>Bad gateway</body></html>').message).toMatch(/gateway/i)
    expect(errorFromResponse(500, undefined).message).toMatch(/failed to handle/i)
    expect(errorFromResponse(500, 'Internal Server Error').message).toMatch(/Internal Server Error/)
  })

  it('retries only what can heal', () => {
    expect(new ApiError({ status: 0, code: 'network', message: '' }).isTransient).toBe(true)
    expect(new ApiError({ status: 0, code: 'timeout', message: '' }).isTransient).toBe(true)
    expect(errorFromResponse(503, '').isTransient).toBe(true)
    expect(errorFromResponse(429, '').isTransient).toBe(true)
    expect(errorFromResponse(404, '').isTransient).toBe(false)
    expect(errorFromResponse(409, '').isTransient).toBe(false)
  })
})

describe('decisionFailureTitle', () => {
  it('says "not recorded" only when the server answered; with no answer, that it may have been', () => {
    expect(decisionFailureTitle('Ship it', errorFromResponse(500, ''))).toBe('“Ship it” was not recorded')
    for (const code of ['timeout', 'network'] as const) {
      expect(decisionFailureTitle('Ship it', new ApiError({ status: 0, code, message: 'x', request: 'PUT approve' }))).toBe('No answer to “Ship it”: it may have been recorded all the same')
    }
  })
})
