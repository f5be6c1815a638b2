import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { useMockWorld } from '@/mocks/node'
import { renderWithProviders } from '@/testing/render'
import { SignInRoute } from './sign-in'

function renderSignIn() {
  return renderWithProviders(null, {
    route: '/sign-in',
    session: null,
    routes: [
      { path: '/sign-in', element: <SignInRoute /> },
      { path: '/jobs', element: <p>Jobs page</p> },
    ],
  })
}

beforeEach(() => {
  useMockWorld('default')
})

describe('sign-in', () => {
  it('labels its fields as the UI contract says', () => {
    renderSignIn()
    for (const label of ['Supervisor URL', 'Organization', 'Access token', 'Username', 'Password']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument()
    }
  })

  it('signs in with an access token and keeps it out of localStorage', async () => {
    const user = userEvent.setup()
    renderSignIn()
    await user.type(screen.getByLabelText('Access token'), 'demo-token')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Jobs page')).toBeInTheDocument()
    expect(JSON.stringify(localStorage)).not.toContain('demo-token')
    expect(sessionStorage.getItem('theeye.session')).toContain('demo-token')
  })

  it('keeps the token in memory only when asked', async () => {
    const user = userEvent.setup()
    renderSignIn()
    await user.type(screen.getByLabelText('Access token'), 'demo-token')
    await user.click(screen.getByRole('checkbox', { name: /keep me signed in/i }))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Jobs page')).toBeInTheDocument()
    expect(JSON.stringify(sessionStorage)).not.toContain('demo-token')
  })

  it('says the user is not a member when the gateway refuses the organization (403), and keeps it', async () => {
    const user = userEvent.setup()
    renderSignIn()
    const organization = screen.getByLabelText('Organization')
    await user.clear(organization)
    await user.type(organization, 'globex')
    await user.type(screen.getByLabelText('Username'), 'jane')
    await user.type(screen.getByLabelText('Password'), 'jane-password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in failed: jane is not a member of the organization “globex”.')
    expect(organization).toHaveValue('globex')
    expect(screen.queryByText('Jobs page')).not.toBeInTheDocument()
  })

  it('says so when the token is refused, and keeps what was typed', async () => {
    const user = userEvent.setup()
    renderSignIn()
    await user.type(screen.getByLabelText('Access token'), 'wrong-token')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/not accepted/)
    expect(screen.getByLabelText('Access token')).toHaveValue('wrong-token')
    expect(screen.getByLabelText('Organization')).toHaveValue('demo')
  })

  it('signs in with username and password through the gateway', async () => {
    const user = userEvent.setup()
    renderSignIn()
    await user.type(screen.getByLabelText('Username'), 'jane')
    await user.type(screen.getByLabelText('Password'), 'jane-password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(screen.getByText('Jobs page')).toBeInTheDocument())
  })

  it('asks for credentials instead of sending an empty form', async () => {
    const user = userEvent.setup()
    renderSignIn()
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/access token, or a username and password/)
  })
})
