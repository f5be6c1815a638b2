import { useState, type FormEvent } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { configureApi } from '@/api/client'
import { isApiError } from '@/api/errors'
import { getProfile, login } from '@/api/session'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { errorMessage } from '@/components/ui/error-panel'
import { InputField } from '@/components/ui/field'
import { apiBaseUrls, useSession } from '@/lib/session'
import { useDocumentTitle } from '@/lib/use-document-title'
import { safeReturnPath } from '../return-path'

export function SignInRoute() {
  useDocumentTitle('Sign in')
  const session = useSession()
  const { config } = session
  const location = useLocation()
  const navigate = useNavigate()
  const from = safeReturnPath((location.state as { from?: unknown } | null)?.from)
  const hasGateway = config.mock || !!config.gatewayUrl

  const [supervisorUrl, setSupervisorUrl] = useState(config.mock ? 'mock' : (config.supervisorUrl ?? ''))
  const [organization, setOrganization] = useState(config.customer ?? (config.mock ? 'demo' : ''))
  const [token, setToken] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [remember, setRemember] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  if (session.signedIn) return <Navigate to={from} replace />

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setError(null)
    const url = supervisorUrl.trim()
    if (!config.mock && !/^https?:\/\/\S+$/i.test(url)) {
      setError('Enter the supervisor URL, starting with http:// or https://.')
      return
    }
    const usePassword = hasGateway && !token.trim()
    if (!usePassword && !token.trim()) {
      setError('Enter an access token.')
      return
    }
    if (usePassword && (!username.trim() || !password)) {
      setError('Enter an access token, or a username and password.')
      return
    }
    if (!organization.trim() && !hasGateway) {
      setError('Enter the organization name.')
      return
    }
    setPending(true)
    let loggingIn = false
    try {
      const bases = apiBaseUrls(config, config.mock ? null : url)
      configureApi({ supervisorUrl: bases.supervisorUrl, gatewayUrl: bases.gatewayUrl, customer: organization.trim() })
      let accessToken = token.trim()
      if (usePassword) {
        loggingIn = true
        accessToken = await login(username.trim(), password, organization.trim() || undefined)
        loggingIn = false
      }
      let customer = organization.trim()
      if (hasGateway) {
        configureApi({ token: accessToken })
        try {
          const profile = await getProfile()
          customer ||= profile.currentOrganization?.name ?? ''
        } catch (err) {
          if (isApiError(err) && err.code === 'unauthorized') throw err
          // The profile is optional ("who am I"); the supervisor will tell if the token is bad.
        }
      }
      if (!customer) throw new Error('Enter the organization name.')
      session.signIn({ token: accessToken, customer, supervisorUrl: config.mock ? null : url, persist: remember ? 'session' : 'memory' })
      navigate(from, { replace: true })
    } catch (err) {
      configureApi({ token: null })
      if (isApiError(err) && err.code === 'unauthorized') setError('Sign-in failed: the credentials or token were not accepted.')
      // The gateway answers 403 to a right password for an organization the user is not a member of.
      else if (loggingIn && isApiError(err) && err.code === 'forbidden')
        setError(`Sign-in failed: ${username.trim()} is not a member of the organization “${organization.trim()}”. Check the organization name.`)
      else setError(errorMessage(err))
    } finally {
      setPending(false)
      setPassword('')
    }
  }

  return (
    <div className="grid min-h-dvh place-items-center bg-slate-50 p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">Sign in to TheEye Jobs</h1>
        {session.endedReason && (
          <p role="status" className="mt-2 rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">
            {session.endedReason}
          </p>
        )}
        {config.mock && (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
            This dashboard runs on its built-in mock backend. Use the access token <code className="font-mono">demo-token</code>, or the username{' '}
            <code className="font-mono">jane</code> with password <code className="font-mono">jane-password</code>.
          </p>
        )}
        <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
          <InputField
            label="Supervisor URL"
            hint={
              config.mock
                ? 'The built-in mock backend.'
                : config.supervisorUrl
                  ? 'Set by this deployment (config.json); the page may connect only to it.'
                  : 'The address of your TheEye supervisor API.'
            }
            type="url"
            name="supervisorUrl"
            autoComplete="url"
            value={supervisorUrl}
            readOnly={config.mock || !!config.supervisorUrl}
            onChange={(e) => setSupervisorUrl(e.target.value)}
            placeholder="https://supervisor.example.com"
          />
          <InputField label="Organization" name="organization" autoComplete="organization" value={organization} onChange={(e) => setOrganization(e.target.value)} />
          <InputField label="Access token" type="password" name="token" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          {hasGateway && (
            <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <legend className="px-1 text-sm text-slate-600 dark:text-slate-300">or with your account</legend>
              <InputField label="Username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
              <InputField label="Password" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </fieldset>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            Keep me signed in while this tab is open (otherwise the token stays in memory only)
          </label>
          {error && (
            <Callout tone="danger" role="alert" bare className="p-2">
              {error}
            </Callout>
          )}
          <Button type="submit" variant="primary" pending={pending} className="w-full">
            Sign in
          </Button>
        </form>
      </main>
    </div>
  )
}
