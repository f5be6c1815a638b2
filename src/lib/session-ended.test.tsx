import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { useSession } from './session'

function Probe() {
  const { signedIn, endedReason, signOut, signIn } = useSession()
  return (
    <div>
      <p>{signedIn ? 'signed in' : `signed out: ${endedReason ?? '-'}`}</p>
      <button onClick={() => signOut('Your session is not valid. Sign in again.', { keepDrafts: true })}>expired</button>
      <button onClick={() => signOut('You are not signed in.')}>late request</button>
      <button onClick={() => signIn({ token: 't2', customer: 'demo' })}>sign in</button>
      <button onClick={() => signOut('You signed out.')}>sign out</button>
    </div>
  )
}

describe('the reason a session ended', () => {
  it('is the first one: a request that meets the missing token afterwards does not replace it', async () => {
    renderWithProviders(<Probe />)
    expect(screen.getByText('signed in')).toBeInTheDocument()
    act(() => screen.getByRole('button', { name: 'expired' }).click())
    act(() => screen.getByRole('button', { name: 'late request' }).click())
    expect(screen.getByText('signed out: Your session is not valid. Sign in again.')).toBeInTheDocument()
    // After signing in again, the next end has its own reason.
    act(() => screen.getByRole('button', { name: 'sign in' }).click())
    expect(await screen.findByText('signed in')).toBeInTheDocument()
    act(() => screen.getByRole('button', { name: 'sign out' }).click())
    expect(screen.getByText('signed out: You signed out.')).toBeInTheDocument()
  })
})
