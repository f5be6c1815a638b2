// The production build's inline start (vite.config.ts builds this into index.html's head): see src/start.ts.
import { startOnce } from './start'

startOnce()
