import * as z from 'zod/mini'

/** Runtime configuration (ui-contract.md): public/config.json, replaceable at deploy time. */
export interface AppConfig {
  /** Base URL of the supervisor; null => the built-in mock backend. */
  supervisorUrl: string | null
  gatewayUrl: string | null
  customer: string | null
  accessToken: string | null
  refreshIntervalMs: number
  requestTimeoutMs: number
  mock: boolean
}

const bounded = (min: number, max: number) => z.catch(z.nullish(z.coerce.number().check(z.gte(min), z.lte(max))), undefined)
const fileSchema = z.looseObject({
  supervisorUrl: z.catch(z.nullish(z.string()), undefined),
  gatewayUrl: z.catch(z.nullish(z.string()), undefined),
  customer: z.catch(z.nullish(z.string()), undefined),
  accessToken: z.catch(z.nullish(z.string()), undefined),
  refreshIntervalMs: bounded(1000, 3_600_000),
  requestTimeoutMs: bounded(1000, 120_000),
})

type ConfigFile = z.output<typeof fileSchema>

function clean(value: string | null | undefined): string | null {
  const v = value?.trim()
  return v ? v : null
}

function envDefaults(): ConfigFile {
  const env = import.meta.env
  return {
    supervisorUrl: env.VITE_SUPERVISOR_URL,
    gatewayUrl: env.VITE_GATEWAY_URL,
    customer: env.VITE_CUSTOMER,
    accessToken: env.VITE_ACCESS_TOKEN,
    refreshIntervalMs: env.VITE_REFRESH_INTERVAL_MS ? Number(env.VITE_REFRESH_INTERVAL_MS) : undefined,
  }
}

/** Merges build-time VITE_* defaults with config.json (config.json wins). */
export function resolveConfig(file: unknown, env: ConfigFile = envDefaults()): AppConfig {
  const parsed = fileSchema.safeParse(file ?? {})
  const f: ConfigFile = parsed.success ? parsed.data : {}
  const pick = <K extends keyof ConfigFile>(k: K) => (f[k] !== undefined && f[k] !== null ? f[k] : env[k])
  const supervisorUrl = clean(pick('supervisorUrl') as string | null | undefined)
  const mock = !supervisorUrl || supervisorUrl.toLowerCase() === 'mock'
  return {
    supervisorUrl: mock ? null : supervisorUrl,
    gatewayUrl: clean(pick('gatewayUrl') as string | null | undefined),
    customer: clean(pick('customer') as string | null | undefined),
    accessToken: clean(pick('accessToken') as string | null | undefined),
    refreshIntervalMs: Number(pick('refreshIntervalMs')) || 5000,
    requestTimeoutMs: Number(pick('requestTimeoutMs')) || 20_000,
    mock,
  }
}

export async function loadConfig(baseUrl: string): Promise<{ config: AppConfig; warning?: string }> {
  try {
    const response = await fetch(`${baseUrl}config.json`, { cache: 'no-store' })
    if (!response.ok) return { config: resolveConfig({}), warning: response.status === 404 ? undefined : `config.json answered ${response.status}; using defaults.` }
    const text = await response.text()
    try {
      return { config: resolveConfig(JSON.parse(text)) }
    } catch {
      return { config: resolveConfig({}), warning: 'config.json is not valid JSON; using defaults.' }
    }
  } catch {
    return { config: resolveConfig({}), warning: 'config.json could not be loaded; using defaults.' }
  }
}
