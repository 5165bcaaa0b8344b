import Foundation
import KehuCore
import Testing

@Suite("Analytics: special functions")
struct AnalyticsSpecialFunctionsTests {
    @Test func digammaAgainstReferenceValues() {
        // scipy.special.digamma
        #expect(abs(SpecialFunctions.digamma(0.3) - -3.502524222200133) < 1e-12)
        #expect(abs(SpecialFunctions.digamma(7.5) - 1.9467574842460866) < 1e-12)
        #expect(abs(SpecialFunctions.digamma(1) - -0.5772156649015329) < 1e-12)
    }

    @Test func hypergeometricAgainstReferenceValues() throws {
        // scipy.special.hyp2f1
        let a = try #require(SpecialFunctions.hypergeometric2F1(0.5, 1.5, 2.5, 0.3))
        #expect(abs(a - 1.1080625510569324) < 1e-13)
        let b = try #require(SpecialFunctions.hypergeometric2F1(2.243, 4.426, 3.219, 0.95))
        #expect(abs(b / 20688.78324631299 - 1) < 1e-12)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 2, 1.0) == nil)
    }
}
