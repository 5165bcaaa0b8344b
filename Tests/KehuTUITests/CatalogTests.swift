import Testing
import KehuCore
@testable import KehuTUI

@Suite struct CatalogTests {
    @Test func everyKeyIsInBothCatalogues() {
        for m in Msg.allCases {
            #expect(Catalog.zh[m] != nil, "zh is missing \(m.rawValue)")
            #expect(Catalog.en[m] != nil, "en is missing \(m.rawValue)")
        }
        #expect(Catalog.zh.count == Msg.allCases.count)
        #expect(Catalog.en.count == Msg.allCases.count)
    }

    @Test func placeholdersMatchBetweenLanguages() {
        func holes(_ s: String) -> Set<String> { Set((0..<4).map { "{\($0)}" }.filter { s.contains($0) }) }
        for m in Msg.allCases {
            #expect(holes(Catalog.zh[m] ?? "") == holes(Catalog.en[m] ?? ""), "\(m.rawValue)")
        }
    }

    @Test func argumentsAreFilledIn() {
        #expect(Catalog.text(.listCount, .zh, [3, 10]) == "3/10 位客户")
        #expect(Catalog.text(.listCount, .en, [3, 10]) == "3/10 customers")
    }

    @Test func languageComesFromFlagThenConfigThenEnvironment() throws {
        #expect(try WorkstationOptions.language(flag: "en", config: "zh", environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try WorkstationOptions.language(flag: nil, config: "zh", environment: ["LANG": "en_US.UTF-8"]) == .zh)
        #expect(try WorkstationOptions.language(flag: nil, config: nil, environment: ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(try WorkstationOptions.language(flag: nil, config: nil, environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(try WorkstationOptions.language(flag: nil, config: nil, environment: [:]) == .en)
        #expect(throws: WorkstationError.self) { try WorkstationOptions.language(flag: "fr", config: nil, environment: [:]) }
    }
}
