import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// Faults a first-time user meets: each reported once, where it is, with a hint at the fix.
@Suite("Validation hints")
struct ValidationGapTests {
    private func load(_ edit: (ScenarioCopy) throws -> Void) throws -> Result<LoadedScenario, ScenarioError> {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try edit(copy)
        do { return .success(try ScenarioLoader.load(from: copy.path)) } catch { return .failure(error) }
    }

    private func messages(_ edit: (ScenarioCopy) throws -> Void) throws -> [String] {
        switch try load(edit) {
        case .success(let loaded): loaded.warnings.map(\.description)
        case .failure(let error): error.issues.map(\.description)
        }
    }

    @Test("a bad weekly price is one error, not also an unknown provider where a child names it")
    func priceDoesNotCascade() throws {
        let found = try messages {
            try $0.replace("providers.csv", "foster,5,900", with: "foster,5,nine hundred")
            try $0.replace("children.csv", "C03,T00000001,foster,10-15,1,,,", with: "C03,T00000001,foster,10-15,1,,,P3")
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("providers.csv:4:") == true)
        #expect(!found.contains { $0.contains("unknown provider") })
    }

    @Test("a bad latitude is one error, not also an unknown authority wherever the code is used")
    func authorityDoesNotCascade() throws {
        let found = try messages { try $0.replace("authorities.csv", "53.40,-1.90", with: "north,-1.90") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("authorities.csv:4:") == true)
    }

    @Test("swapped latitude and longitude are warned about, with the line")
    func swappedCoordinates() throws {
        let found = try messages { copy in
            let lines = try copy.read("providers.csv").split(separator: "\n").map(String.init)
            let edited = lines.enumerated().map { index, line in
                index == 0 ? line + ",latitude,longitude" : line + (line.hasPrefix("P3,") ? ",-1.90,53.40" : ",,")
            }
            try copy.write("providers.csv", edited.joined(separator: "\n") + "\n")
        }
        #expect(found.count == 1)
        let warning = try #require(found.first)
        #expect(warning.hasPrefix("providers.csv:4:"))
        #expect(warning.contains("warning: latitude: (-1.9, 53.4) lies"))
        #expect(warning.contains("far outside its area"))
        #expect(warning.contains("latitude and longitude look swapped"))
    }

    @Test("a current provider that does not offer the child's type is warned about, at the field")
    func currentProviderOfAnotherType() throws {
        // P6 is supported accommodation; C05 needs a children's home.
        let found = try messages {
            try $0.replace(
                "children.csv", "C05,T00000002,childrens_home,10-15,1,complex_needs,,",
                with: "C05,T00000002,childrens_home,10-15,1,complex_needs,,P6")
        }
        #expect(
            found == [
                "children.csv:6:53: warning: current_provider: P6 offers no childrens_home places (only "
                    + "supported_accommodation), so C05's placement there is ignored: not kept, nor counted among "
                    + "today's placements"
            ])
        let consistent = try messages {
            try $0.replace(
                "children.csv", "C05,T00000002,childrens_home,10-15,1,complex_needs,,",
                with: "C05,T00000002,childrens_home,10-15,1,complex_needs,,P5")
        }
        #expect(consistent.isEmpty)
    }

    @Test("headers are read like values: Home Authority is home_authority")
    func headersNormalised() throws {
        let result = try load {
            try $0.replace("children.csv", "id,home_authority,placement_type", with: "ID,Home Authority,Placement-Type")
        }
        let loaded = try result.get()
        #expect(loaded.scenario.cohorts.count == 10)
    }

    @Test("a short form of a placement type gets a suggestion")
    func secureSuggestion() throws {
        let found = try messages { try $0.append("children.csv", line: "C11,T00000003,secure,14-15,1,,,") }
        #expect(found.contains { $0.contains("unknown value 'secure' (did you mean 'secure_childrens_home'?)") })
    }

    @Test("a price written as £1,050 gets a hint")
    func poundsHint() throws {
        let found = try messages { try $0.replace("providers.csv", "foster,5,900", with: "foster,5,\"£1,050\"") }
        #expect(
            found.contains { $0.contains("'£1,050' is not a number; write 1050 (no £ sign or thousands separators)") })
    }

    @Test("an unmet need says why: providers exist but are below the Ofsted floor")
    func belowTheFloor() throws {
        let found = try messages {
            try $0.replace("providers.csv", "5500,outstanding,complex_needs", with: "5500,inadequate,complex_needs")
        }
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "children.csv:6:15: warning: placement_type: no provider admitted offers childrens_home for ages 10-15 "
                    + "with complex_needs: the 1 that offer it are rated inadequate, below the Ofsted floor") == true)
    }

    @Test("a sibling group whose members live with different providers today is a warning at the second")
    func siblingsLivingApart() throws {
        let found = try messages {
            try $0.replace("children.csv", "C01,T00000001,foster,0-4,1,,S1,", with: "C01,T00000001,foster,0-4,1,,S1,P1")
            try $0.replace("children.csv", "C02,T00000001,foster,5-9,1,,S1,", with: "C02,T00000001,foster,5-9,1,,S1,P3")
        }
        #expect(
            found == [
                "children.csv:3:32: warning: current_provider: sibling group S1's members live with P1 (line 2) and P3 "
                    + "today: placed together, neither provider stays within the group's reach"
            ])
    }

    @Test("a child living with the provider below the floor is not warned of: they stay there")
    func livingBelowTheFloor() throws {
        let found = try messages {
            try $0.replace("providers.csv", "5500,outstanding,complex_needs", with: "5500,inadequate,complex_needs")
            try $0.replace(
                "children.csv", "C05,T00000002,childrens_home,10-15,1,complex_needs,,",
                with: "C05,T00000002,childrens_home,10-15,1,complex_needs,,P5")
        }
        #expect(found.isEmpty)
    }

    @Test("an unmet need says why: no admitted provider within the distance limit")
    func beyondTheDistanceLimit() throws {
        let found = try messages {
            try $0.replace("scenario.yaml", "    default: 50", with: "    default: 50\n    supported_accommodation: 5")
            try $0.append("children.csv", line: "C11,T00000001,supported_accommodation,16-17,1,,,")
        }
        // C08 lives in Eastbury, where the provider is (4 miles within it, distances.csv); C11 in
        // Northtown, 25 miles away (distances.csv).
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "children.csv:12:15: warning: placement_type: no provider admitted offers supported_accommodation for "
                    + "ages 16-17 within 5 miles of T00000001 (maximum_distance_miles); the nearest is 25 miles away")
                == true)
    }
}

@Suite("Validation hints: authorities")
struct StrayCentroidTests {
    @Test("an authority centroid with latitude and longitude swapped is warned about")
    func swappedCentroid() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("authorities.csv", "53.40,-1.90", with: "-1.90,53.40")
        let loaded = try ScenarioLoader.load(from: copy.path)
        let warnings = loaded.warnings.map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("authorities.csv:4:") == true)
        #expect(warnings.first?.contains("latitude and longitude look swapped") == true)
    }
}
