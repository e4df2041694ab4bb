import PlacementForecasting
import PlacementReports
import PlacementScenarios
import ScenarioGeneration

/// The demand forecast each sufficiency report shows: made from DfE's tables in the data folder
/// when every authority of the report's scope is one of theirs (a real-data scenario), otherwise
/// the reason there is none.
public enum SufficiencyOutlooks {
    /// One outlook per scope, in order. The forecast is fitted on every published year and runs
    /// five years past the last.
    public static func make(
        _ scopes: [SufficiencyReport.Scope], scenario: Scenario, data: String
    ) -> [SufficiencyReport.Outlook] {
        let members = scopes.map { scope in (try? SufficiencyReport.resolve(scope, in: scenario))?.members ?? [] }
        let known: Set<String>
        do {
            known = try OfficialData.authorityCodes(in: data)
        } catch {
            return scopes.map { _ in .unavailable(reason: "DfE's published tables could not be read from \(data)") }
        }
        let unknown = members.map { $0.map(\.rawValue).filter { !known.contains($0) } }
        guard unknown.contains(where: \.isEmpty) else { return unknown.map(Self.notPublished) }
        let official: OfficialData
        do {
            official = try OfficialData.read(from: data)
        } catch {
            return scopes.map { _ in .unavailable(reason: "DfE's published tables in \(data) could not be read") }
        }
        let history: ForecastHistory
        do {
            history = try HistoryBuilder.build(official)
        } catch {
            return scopes.map { _ in .unavailable(reason: error.description) }
        }
        let forecast = DemandForecast.make(history, origin: history.lastYear, through: history.lastYear + 5)
        return scopes.indices.map { index in
            guard unknown[index].isEmpty else { return notPublished(unknown[index]) }
            let scopeForecast: DemandForecast.ScopeForecast?
            switch scopes[index] {
            case .authority:
                scopeForecast = forecast.authorities.first { $0.code == members[index].first?.rawValue }
            case .cooperative(let name):
                // By id or name, as the report resolves it.
                scopeForecast = NameLookup.cooperatives(scenario.cooperatives).index(of: name)
                    .map { forecast.cooperative(scenario.cooperatives[$0]) }
            }
            guard let scopeForecast else { return .unavailable(reason: "the forecast has no figures for it") }
            return .forecast(forecast.outlook(scopeForecast, history: history))
        }
    }

    private static func notPublished(_ codes: [String]) -> SufficiencyReport.Outlook {
        .unavailable(
            reason: "DfE publishes no figures for "
                + (codes.count == 1 ? "authority \(codes[0])" : "authorities " + codes.joined(separator: ", "))
                + ", so the scenario's authorities are not real ones (a synthetic scenario)")
    }
}
