import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementCommands
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// A data folder in the layout of `Fixtures/data` for `tiny`'s three councils: the hand-worked
/// figures of `TinyAsIs` in 2024 and, with one more Northtown child inside, in 2025; `lookedAfterRows`
/// are added, each replacing the default row of its year, authority, group and characteristic.
struct TinyData {
    let directory: TemporaryDirectory

    init(lookedAfterRows extra: [String] = []) throws {
        directory = try TemporaryDirectory()
        var authorities = ["la_code,la_name,region,latitude,longitude,area_km2,children_0_17_2024"]
        for authority in TinyAsIs.authorities {
            authorities.append(
                "\(authority.id),\(authority.name),Testshire,\(authority.centroid.latitude),"
                    + "\(authority.centroid.longitude),\(authority.areaSquareKilometres),\(authority.childPopulation ?? 0)"
            )
        }
        var rows = ["year,geographic_level,la_code,group,characteristic,number"]
        for year in [2024, 2025] {
            let northtownInside = year == 2024 ? 6 : 7
            let counts: [(String, Int, Int, Int, Int)] = [
                ("T00000001", 10, northtownInside, 5, 0), ("T00000002", 10, 10, 5, year == 2024 ? 4 : 3),
            ]
            for (code, children, inside, own, imports) in counts {
                func row(_ group: String, _ characteristic: String, _ number: Int) {
                    rows.append("\(year),Local authority,\(code),\(group),\"\(characteristic)\",\(number)")
                }
                row("Placement", "Total", children)
                row("Placement", "Foster placements", children)
                row("Locality of placement", "Placed inside the local authority boundary", inside)
                row("Locality of placement", "Placed outside the local authority boundary", children - inside)
                row("Place providers", "Total", children)
                row("Place providers", "Own provision (by the LA)", own)
                row("Place providers", "Private provision", children - own)
                row(
                    "LA of placement", "2. Other LA children externally placed within the local authority boundary",
                    imports)
            }
        }
        // An extra row giving a figure the defaults give replaces it (DfE's tables give each figure once).
        func cell(_ row: String) -> String {
            String(row[..<(row.lastIndex(of: ",") ?? row.endIndex)]).replacingOccurrences(of: "\"", with: "")
        }
        let replaced = Set(extra.map(cell))
        rows = rows.filter { !replaced.contains(cell($0)) } + extra
        let places = ["year,la_code,provision_type,sector,short_break_only,places"]
        try (authorities.joined(separator: "\n") + "\n").write(
            toFile: directory.file(OfficialTables.authoritiesFile), atomically: true, encoding: .utf8)
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: directory.file(OfficialTables.lookedAfterFile), atomically: true, encoding: .utf8)
        try (places.joined(separator: "\n") + "\n").write(
            toFile: directory.file(OfficialTables.placesFile), atomically: true, encoding: .utf8)
    }
}

@Suite("placement baseline")
struct BaselineCommandTests {
    @Test("a scenario whose authorities have no published figures exits 1")
    func noPublishedFigures() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        // Only Northtown has figures.
        let authorities = try String(
            contentsOfFile: data.directory.file(OfficialTables.authoritiesFile), encoding: .utf8)
        try authorities.split(separator: "\n").prefix(2).joined(separator: "\n").appending("\n").write(
            toFile: data.directory.file(OfficialTables.authoritiesFile), atomically: true, encoding: .utf8)
        var command = try PlacementCommand.parseAsRoot([
            "baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--format", "json",
        ])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    @Test("a scenario with no co-operative has no co-operative table (a council's import had shown an empty one)")
    func noCooperativeTable() throws {
        let copy = try ScenarioCopy(of: "greater-manchester")
        defer { copy.remove() }
        try copy.write("cooperatives.csv", "cooperative_id,cooperative_name,authority\n")
        let alone = try BuiltTool.run("placement", ["baseline", copy.path])
        #expect(alone.status == 0, "\(alone.standardError)")
        #expect(!alone.standardOutput.contains("By co-operative"))
        #expect(alone.standardOutput.contains("## By authority"))
        let pooled = try BuiltTool.run("placement", ["baseline", Fixtures.scenario("greater-manchester")])
        #expect(pooled.standardOutput.contains("## By co-operative"))
    }

    @Test("a year the data do not publish is a usage error naming the option and the years there are")
    func unpublishedYear() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let tiny = ["--data", data.directory.path]
        for (arguments, said) in [
            (
                ["baseline", Fixtures.scenario("tiny"), "--predict", "2030"] + tiny,
                "Error: --predict 2030: no published figures"
            ),
            (
                ["baseline", Fixtures.scenario("tiny"), "--year", "2019"] + tiny,
                "Error: --year 2019: no published figures"
            ),
            // The backtest needs the flows too: England's shipped data, 2021 to 2025.
            (
                ["simulate", Fixtures.scenario("england-2025"), "--backtest", "2019"],
                "Error: --backtest 2019: no published figures"
            ),
        ] {
            let run = try BuiltTool.run("placement", arguments)
            #expect(run.status == 64, "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains(said), "\(run.standardError)")
            let years = arguments.contains("simulate") ? "2021 to 2025" : "2024 to 2025"
            #expect(run.standardError.contains("(published there: \(years))"), "\(run.standardError)")
            #expect(run.standardError.contains("Usage: placement \(arguments[0])"), "\(run.standardError)")
        }
        // A folder that is not there is said as such; one without the tables names each path it tried.
        let missing = try BuiltTool.run("placement", ["baseline", Fixtures.scenario("tiny"), "--data", "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("/nonexistent: --data: no such folder"), "\(missing.standardError)")
        let empty = try TemporaryDirectory()
        defer { empty.remove() }
        let bare = try BuiltTool.run("placement", ["baseline", Fixtures.scenario("tiny"), "--data", empty.path])
        #expect(bare.status == 1)
        #expect(
            bare.standardError.contains(
                "cannot read the file (\(empty.path)/dfe_cla_by_la_2021_2025.csv: No such file or directory)"),
            "\(bare.standardError)")
    }

    @Test("two different calibration years are a usage error that says they differ")
    func twoYears() {
        do {
            _ = try PlacementCommand.parseAsRoot([
                "baseline", Fixtures.scenario("tiny"), "--year", "2024", "--calibrate-on", "2025",
            ])
            Issue.record("two calibration years parsed")
        } catch {
            let message = PlacementCommand.message(for: error)
            #expect(message.contains("two different years"))
            #expect(!message.contains("the same year"))
            #expect(PlacementCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test("--predict the calibration year is a usage error: the in-sample fit is baseline without it")
    func predictCalibrationYear() {
        for arguments in [["--calibrate-on", "2025", "--predict", "2025"], ["--predict", "2025"]] {
            do {
                _ = try PlacementCommand.parseAsRoot(["baseline", Fixtures.scenario("tiny")] + arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(PlacementCommand.message(for: error).contains("drop --predict for the in-sample fit"))
                #expect(PlacementCommand.exitCode(for: error) == .validationFailure)
            }
        }
    }

    @Test("predicting an earlier year (a backcast) is allowed and never called a forecast")
    func backcast() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--calibrate-on", "2025",
            "--predict", "2024", "--out", out.file("fit"),
        ])
        try command.run()
        let markdown = try String(contentsOfFile: out.file("fit/fit-report.md"), encoding: .utf8)
        #expect(markdown.contains("calibrated on 2025, predicting 2024"))
        #expect(!markdown.lowercased().contains("forecast"))
    }

    @Test("the Markdown shows assumptions with their decimals; the CSV the modelled count to two decimals")
    func decimals() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--out", out.file("fit"),
        ])
        try command.run()
        let markdown = try String(contentsOfFile: out.file("fit/fit-report.md"), encoding: .utf8)
        // Occupancy 0.83 and the over-20-miles share elsewhere 0.75 (CalibrationAssumptions), not both 0.8.
        #expect(markdown.contains("| occupancy of registered places | 0.83 |"))
        #expect(markdown.contains("| over 20 miles share of placements elsewhere | 0.75 |"))
        #expect(!markdown.contains("done-when"))
        // The fit table's CSV and the fit check's JSON give the same modelled count, to two decimals.
        let csv = try String(contentsOfFile: out.file("fit/fit-report-authorities.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(csv.first?.firstIndex(of: "other_councils_children_placed_inside_modelled"))
        let run = try BuiltTool.run(
            "placement", ["baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--format", "json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let authorities = try #require(json["authorities"] as? [[String: Any]])
        // A header, every authority, then England's row, which the JSON gives apart.
        #expect(authorities.count == csv.count - 2)
        #expect(csv.last?.prefix(2) == ["E92000001", "England"])
        let england = (json["england"] as? [String: Any])?["measures"] as? [String: [String: Any]]
        if let modelled = england?["other_councils_children_placed_inside"]?["modelled"] as? Double {
            #expect(csv.last?[column] == String(format: "%.2f", modelled))
        }
        for (row, authority) in zip(csv.dropFirst(), authorities) {
            let measures = authority["measures"] as? [String: [String: Any]]
            guard let modelled = measures?["other_councils_children_placed_inside"]?["modelled"] as? Double else {
                continue
            }
            #expect(row[column] == String(format: "%.2f", modelled), "\(row)")
        }
    }

    @Test("a malformed count names the file, line and field and exits 1")
    func malformedData() throws {
        let data = try TinyData(lookedAfterRows: ["2025,Local authority,T00000003,Placement,Total,many"])
        defer { data.directory.remove() }
        #expect(throws: ScenarioError.self) { _ = try OfficialPlacementData.read(from: data.directory.path) }
        do {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        } catch {
            #expect(error.description.contains("dfe_cla_by_la_2021_2025.csv:"))
            #expect(error.description.contains("number"))
        }
        var command = try PlacementCommand.parseAsRoot([
            "baseline", Fixtures.scenario("tiny"), "--data", data.directory.path, "--format", "json",
        ])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    /// `TinyData` calibrated on 2024 and predicting 2025: the calibration year, its baseline and the
    /// comparison of the prediction with 2025's figures.
    static func predictionOfTinyData() throws -> (
        calibration: AsIsYear, baseline: AsIsBaseline, comparison: FitComparison
    ) {
        let data = try TinyData()
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        let calibration = try #require(official.year(2024))
        let predicted = try #require(official.year(2025))
        let baseline = AsIsBaseline.calibrate(calibration)
        let comparison = FitComparison(
            allocation: baseline.predict(predicted), calibratedOn: 2024, published: predicted,
            calibrationYear: calibration)
        return (calibration, baseline, comparison)
    }

    @Test("the fit check's JSON has the documented shape, out of sample every figure checked")
    func jsonShape() throws {
        let (calibration, baseline, comparison) = try Self.predictionOfTinyData()
        let json = BaselineJSON.render(comparison)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["calibrated_on", "predicted", "authorities", "england"])
        #expect(object["calibrated_on"] as? Int == 2024)
        #expect(object["predicted"] as? Int == 2025)
        let authorities = try #require(object["authorities"] as? [[String: Any]])
        #expect(authorities.map { $0["code"] as? String } == ["T00000001", "T00000002", "T00000003"])
        let measures = try #require(authorities[0]["measures"] as? [String: [String: Any]])
        #expect(
            Set(measures.keys) == [
                "m2_in_area_share", "over_20_miles_share", "own_council_share", "private_share",
                "other_councils_children_placed_inside",
            ])
        let m2 = try #require(measures["m2_in_area_share"])
        #expect(m2["fitted"] as? Bool == false)
        // Northtown published 7 of 10 inside in 2025; the model, calibrated on 2024's 6 (to the
        // fitting's 0.1%), predicts 0.6.
        #expect(abs((m2["published"] as? Double ?? 0) - 0.7) < 1e-9)
        #expect(abs((m2["modelled"] as? Double ?? 0) - 0.6) < 0.005)
        // Persistence: 2024's published 6 of 10; Eastbury has no figures, so its persistence is null.
        #expect(abs((m2["persistence"] as? Double ?? 0) - 0.6) < 1e-9)
        let eastbury = try #require(authorities[2]["measures"] as? [String: [String: Any]])
        let eastburyM2 = try #require(eastbury["m2_in_area_share"])
        #expect(eastburyM2.keys.contains("persistence") && eastburyM2["persistence"] is NSNull)
        let england = try #require(object["england"] as? [String: Any])
        #expect(england["measures"] is [String: Any])

        // In sample there is no persistence at all.
        let inSample = BaselineJSON.render(
            FitComparison(
                allocation: baseline.calibrated, calibratedOn: 2024, published: calibration, calibrationYear: nil))
        #expect(!inSample.contains("persistence"))
    }

    @Test("the model and persistence are compared over the authorities persistence can predict")
    func sameAuthorities() throws {
        var comparison = try Self.predictionOfTinyData().comparison
        // Southvale's 2024 figure suppressed: it leaves both sides of the comparison, not only persistence's.
        comparison.rows[1].values[.m2InAreaShare]?.persistence = nil
        let summary = comparison.summary(.m2InAreaShare)
        #expect(summary.authorities == 2)
        let common = try #require(summary.common)
        #expect(common.authorities == 1)
        // Northtown alone: persistence 6 of 10 and the model's 0.6 against 7 of 10 published.
        #expect(abs(common.persistence - 10) < 1e-9)
        let northtown = try #require(comparison.rows[0].values[.m2InAreaShare])
        #expect(abs(common.model - abs(northtown.modelled! - 0.7) * 100) < 1e-9)
    }

    /// It listed the five headline measures alone, each with the model's verdict: a measure where
    /// persistence wins, or one beyond its tolerance, read as a win by its absence.
    @Test("the summary gives every measure, the ones persistence wins and those beyond their tolerance")
    func summaryHidesNothing() throws {
        var (_, baseline, comparison) = try Self.predictionOfTinyData()
        // Both councils' M2 modelled 10 points below published, persistence exact: a loss beyond 3 points.
        for index in comparison.rows.indices {
            guard let published = comparison.rows[index].values[.m2InAreaShare]?.published else { continue }
            comparison.rows[index].values[.m2InAreaShare]?.modelled = published - 0.1
            comparison.rows[index].values[.m2InAreaShare]?.persistence = published
        }
        let report = BaselineFitReport(
            scenario: try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario, comparison: comparison,
            baseline: baseline, allocation: baseline.calibrated)
        let markdown = MarkdownReport.render(report.document)
        let summary = try #require(
            markdown.components(separatedBy: "## Summary").last?.components(separatedBy: "\n## ").first)
        for measure in FitMeasure.allCases {
            #expect(summary.contains("- \(measure.label) ("), "\(measure.label) missing from the summary")
        }
        let m2 = try #require(
            summary.split(separator: "\n").first { $0.hasPrefix("- \(FitMeasure.m2InAreaShare.label)") })
        #expect(m2.contains("mean absolute error 10.00 points"), "\(m2)")
        #expect(m2.contains("persistence is closer: the model does not beat it"), "\(m2)")
        #expect(m2.hasSuffix("; above its tolerance of 3.00 points."), "\(m2)")
        let count = try #require(
            summary.split(separator: "\n").first {
                $0.hasPrefix("- \(FitMeasure.otherCouncilsChildrenPlacedInside.label)")
            })
        #expect(count.contains("mean absolute error "), "\(count)")
    }

    /// `baseline --year 2021` suggested `--calibrate-on 2020 --predict 2021`, which DfE's data cannot run.
    @Test("the in-sample report suggests an out-of-sample check the published years allow")
    func suggestedCheckRuns() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        for (year, expected) in [
            (
                2024,
                "2024 is the first published year, so calibrate on it and predict the next (--calibrate-on 2024 --predict 2025)"
            ),
            (2025, "calibrate on an earlier year and predict this one (--calibrate-on 2024 --predict 2025)"),
        ] {
            let calibration = try #require(official.year(year))
            let baseline = AsIsBaseline.calibrate(calibration)
            let comparison = FitComparison(
                allocation: baseline.calibrated, calibratedOn: year, published: calibration, calibrationYear: nil)
            let report = BaselineFitReport(
                scenario: scenario, comparison: comparison, baseline: baseline, allocation: baseline.calibrated,
                publishedYears: official.years)
            #expect(MarkdownReport.render(report.document).contains("The evidence is out of sample: \(expected)."))
        }
    }

    /// England's 2021 figures count 1,884 children of authorities DfE published nothing for that year
    /// (Cumbria's successors, the Northamptonshires), whom the model does not hold: they were marked
    /// fitted though 0.5 points off. Tiny's two councils publish 20 children in 2024; England 20 is
    /// theirs, England 25 holds 5 more.
    @Test("England is fitted only when its published children are its authorities'", arguments: [20, 25])
    func englandLikeForLike(englandChildren: Int) throws {
        let national = [
            "2024,National,,Placement,\"Total\",\(englandChildren)",
            "2024,National,,Locality of placement,\"Placed inside the local authority boundary\",\(englandChildren - 4)",
            "2024,National,,Locality of placement,\"Placed outside the local authority boundary\",4",
        ]
        let data = try TinyData(lookedAfterRows: national)
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        let calibration = try #require(official.year(2024))
        let baseline = AsIsBaseline.calibrate(calibration)
        let comparison = FitComparison(
            allocation: baseline.calibrated, calibratedOn: 2024, published: calibration, calibrationYear: nil)
        #expect(comparison.englandChildrenBeyondAuthorities == englandChildren - 20)
        #expect(comparison.englandIsLikeForLike == (englandChildren == 20))
        let m2 = try #require(comparison.england[.m2InAreaShare])
        #expect(m2.published != nil)
        #expect(m2.fitted == (englandChildren == 20))
    }

    @Test("the JSON rounds as the CSV does; the measures table's statistics are numbers in every format")
    func formatsAgree() throws {
        var (_, baseline, comparison) = try Self.predictionOfTinyData()
        // A tie at the sixth decimal, exactly representable: both print 0.789062.
        comparison.rows[0].values[.m2InAreaShare]?.persistence = 0.789_062_5
        #expect(BaselineJSON.render(comparison).contains("\"persistence\" : 0.789062,"))
        let report = BaselineFitReport(
            scenario: try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario, comparison: comparison,
            baseline: baseline, allocation: baseline.calibrated)
        #expect(TabularReport.csv(report.fitTable).contains(",0.789062,"))
        let files = Dictionary(report.files, uniquingKeysWith: { first, _ in first })
        let measures = try #require(files["fit-report-measures.csv"])
        // Northtown's M2 is predicted below its published figure: a negative bias, written as a number.
        let m2 = try #require(measures.split(separator: "\n").first { $0.contains("in area") || $0.contains("M2") })
        #expect(!m2.contains("'"), "\(m2)")
        #expect(m2.contains(",-"), "\(m2)")
        let json = try #require(files["fit-report.json"])
        #expect(!json.contains("\"mean_absolute_error\" : \""))
        #expect(json.contains("\"mean_absolute_error\" : "))
    }

    @Test("a scenario with one authority's children leads its fit report with that authority's row")
    func scenarioAuthoritiesFirst() throws {
        let (_, baseline, comparison) = try Self.predictionOfTinyData()
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let allHome = BaselineFitReport(
            scenario: scenario, comparison: comparison, baseline: baseline, allocation: baseline.calibrated)
        #expect(allHome.scenarioHomes.isEmpty)
        #expect(!allHome.files.contains { $0.name == "fit-report-scenario-authorities.csv" })
        // Southvale's children leave the scenario (as in a council's import): Northtown's row leads.
        scenario.cohorts.removeAll { $0.homeAuthority != comparison.rows[0].authority.id }
        let oneHome = BaselineFitReport(
            scenario: scenario, comparison: comparison, baseline: baseline, allocation: baseline.calibrated)
        #expect(oneHome.scenarioHomes.map(\.authority.id) == [comparison.rows[0].authority.id])
        let files = Dictionary(oneHome.files, uniquingKeysWith: { first, _ in first })
        let rows = try #require(files["fit-report-scenario-authorities.csv"]).split(separator: "\n")
        #expect(rows.count == 3, "header, Northtown, England")
        #expect(rows[1].hasPrefix("\(comparison.rows[0].authority.id.rawValue),"))
        #expect(try #require(files["fit-report.md"]).contains("## This scenario's authorities"))
    }

    @Test("--out writes the stock, the parameters and the fit report")
    func writesFiles() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "baseline", copy.path, "--data", data.directory.path, "--calibrate-on", "2024", "--out", out.path,
        ])
        try command.run()
        let stock = try String(contentsOfFile: out.file("as-is-stock.csv"), encoding: .utf8)
        #expect(stock.hasPrefix("home_authority,placement_authority,placement_group,provider,children,over_20_miles\n"))
        #expect(stock.contains("T00000001,T00000002,foster,own_council,2.0000,"))
        for file in ["as-is-parameters.csv", "fit-report.html", "fit-report.md", "fit-report.json"] {
            #expect(FileManager.default.fileExists(atPath: out.file(file)))
        }
        // The check's JSON is kept with the report, the same bytes `--format json` prints.
        let printed = try BuiltTool.run(
            "placement",
            ["baseline", copy.path, "--data", data.directory.path, "--calibrate-on", "2024", "--format", "json"])
        #expect(printed.status == 0)
        #expect(try String(contentsOfFile: out.file("baseline-check.json"), encoding: .utf8) == printed.standardOutput)
        // An over-20-miles factor inside and one outside; inside blank for Northtown, whose 100 km² hold
        // no two points 20 miles apart.
        let parameters = try String(contentsOfFile: out.file("as-is-parameters.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(
            parameters.first?.prefix(4) == [
                "authority", "own_area_affinity", "inside_over_20_miles_factor", "outside_over_20_miles_factor",
            ])
        let northtown = try #require(parameters.first { $0.first == "T00000001" })
        #expect(northtown[2].isEmpty)
        #expect(Double(northtown[3]) != nil)
        // Every assumption is printed, the provider prior too: foster's national split, own council first.
        let prior = try String(contentsOfFile: out.file("fit-report-provider-prior.csv"), encoding: .utf8)
        #expect(prior.hasPrefix("placement_group,own_council,other_council,private,"))
        #expect(prior.contains("Foster care,0.620000,0.010000,0.300000,0.070000,0.000000,0.000000,0.000000"))
    }
}
