import { useStore } from '../../store/store'
import { CompanyResults } from './CompanyResults'

export function CompaniesPage() {
  const navigate = useStore((s) => s.navigate)
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Companies</h1>
          <p className="lede">Whom to write to, and why Rightful believes so: every contact comes with the words of the company’s own privacy policy.</p>
        </div>
      </header>
      <CompanyResults autoFocus onPick={(id) => navigate({ name: 'company', id })} />
    </section>
  )
}
