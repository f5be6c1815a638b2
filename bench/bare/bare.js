// The bench's reference page: what the dashboard's first row / heading would cost with no framework at all.
// It reads config.json, sends the same first request as the dashboard (the first page of jobs, or one job)
// to the same supervisor with the same token, and renders plain links / a heading.
const main = document.getElementById('main')
const config = await (await fetch('/config.json')).json()
const base = `${config.supervisorUrl.replace(/\/+$/, '')}/${encodeURIComponent(config.customer)}/job`
const headers = { Accept: 'application/json', Authorization: `Bearer ${config.accessToken}` }
const detail = /^\/__bare(?:-styled)?\/jobs\/([^/]+)/.exec(location.pathname)
if (detail) {
  const job = await (await fetch(`${base}/${encodeURIComponent(detail[1])}`, { headers, credentials: 'omit' })).json()
  const h1 = document.createElement('h1')
  h1.textContent = job.name ?? job.id
  main.append(h1)
} else {
  const jobs = await (await fetch(`${base}?sort[_id]=-1&limit=100`, { headers, credentials: 'omit' })).json()
  const table = document.createElement('table')
  for (const job of jobs) {
    const a = document.createElement('a')
    a.href = `/jobs/${job.id ?? job._id}`
    a.textContent = job.name ?? job.id
    table.insertRow().insertCell().append(a)
  }
  main.append(table)
}
