import path from 'node:path'
import { RuleTester } from 'eslint'
import { boundaries } from './boundaries.js'

const src = (p) => path.resolve(import.meta.dirname, '..', 'src', p)
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } })

tester.run('boundaries/layers', boundaries.rules.layers, {
  valid: [
    { filename: src('app/routes/jobs.tsx'), code: "import { JobsPage } from '@/features/jobs/components/jobs-page'" },
    { filename: src('features/jobs/components/jobs-page.tsx'), code: "import { jobQueries } from '../queries'; import { Button } from '@/components/ui/button'; import { x } from '@/lib/job-queries'" },
    { filename: src('lib/job-queries.ts'), code: "import { getJob } from '@/api/jobs'" },
    { filename: src('features/jobs/jobs-page.test.tsx'), code: "import { renderWithProviders } from '@/testing/render'; import { createWorld } from '@/mocks/seed'" },
    { filename: src('main.tsx'), code: "const m = await import('./mocks/browser')" },
    { filename: src('mocks/handlers/jobs.ts'), code: "import { encodeQuery } from '@/api/query'" },
  ],
  invalid: [
    { filename: src('features/jobs/components/jobs-page.tsx'), code: "import { x } from '@/features/approvals/queries'", errors: [{ message: /features do not import each other \(jobs → approvals\)/ }] },
    { filename: src('features/jobs/components/jobs-page.tsx'), code: "import { x } from '../../runaway/detect'", errors: [{ message: /features do not import each other/ }] },
    { filename: src('features/jobs/queries.ts'), code: "export { x } from '@/features/job-detail/queries'", errors: 1 },
    { filename: src('lib/session.tsx'), code: "import { Layout } from '@/app/layout'", errors: [{ message: /src\/lib is below/ }] },
    { filename: src('components/ui/time.tsx'), code: "import { x } from '@/features/jobs/queries'", errors: 1 },
    { filename: src('api/jobs.ts'), code: "import { cn } from '@/components/ui/cn'", errors: 1 },
    { filename: src('features/jobs/queries.ts'), code: "import { createWorld } from '@/mocks/worlds'", errors: [{ message: /production code does not import src\/mocks/ }] },
    { filename: src('app/provider.tsx'), code: "import { renderWithProviders } from '@/testing/render'", errors: 1 },
    { filename: src('app/provider.tsx'), code: "const m = await import('@/mocks/browser')", errors: 1 },
    { filename: src('mocks/handlers/jobs.ts'), code: "import { JobsPage } from '@/features/jobs/components/jobs-page'", errors: 1 },
  ],
})
