import Foundation
@testable import KehuCore
import Testing

@Suite("Analytics: fitting")
struct AnalyticsModelFitTests {
    /// (θ₀ − 1)²: curved in θ₀, perfectly flat in θ₁.
    let ridge: BFGSMinimizer.Objective = { t in ((t[0] - 1) * (t[0] - 1), [2 * (t[0] - 1), 0]) }

    @Test func flatDirectionWithEnoughDataUsesThePenaltyAndSaysSo() throws {
        let (point, d) = FitDiagnostics.fit(starts: [[0, 0.5], [2, -1]], observations: 1_000_000, ridge)
        let p = try #require(point, "\(d.message)")
        // Minimum of (θ₀−1)² + λ(θ₀² + θ₁²): θ₀ = 1/(1+λ), θ₁ = 0.
        #expect(abs(p[0] - 1 / (1 + FitDiagnostics.fallbackPenalty)) < 1e-6 && abs(p[1]) < 1e-6)
        #expect(d.converged && d.penalty == FitDiagnostics.fallbackPenalty)
        #expect(d.message.contains("ridge penalty"))
        // The reported log-likelihood is the plain one at that point.
        #expect(abs(d.logLikelihood - -ridge(p).value * 1_000_000) < 1e-6)
    }

    @Test func flatDirectionWithLittleDataFails() {
        // With 10 observations θ₁'s standard error under the penalty is far above 100 %.
        let (point, d) = FitDiagnostics.fit(starts: [[0, 0.5]], observations: 10, ridge)
        #expect(point == nil && !d.converged)
        #expect(d.message.contains("flat"))
    }

    @Test func curvedMaximumNeedsNoPenalty() throws {
        let bowl: BFGSMinimizer.Objective = { t in ((t[0] - 1) * (t[0] - 1) + 3 * (t[1] + 2) * (t[1] + 2), [2 * (t[0] - 1), 6 * (t[1] + 2)]) }
        let (point, d) = FitDiagnostics.fit(starts: [[0, 0], [5, 5]], observations: 100, bowl)
        let p = try #require(point)
        #expect(abs(p[0] - 1) < 1e-6 && abs(p[1] + 2) < 1e-6)
        #expect(d.penalty == 0 && d.startsAgreeing == 2)
        // H = diag(2, 6): standard errors √(1/(2·100)) and √(1/(6·100)).
        #expect(abs(d.relativeStandardErrors[0] - (1.0 / 200).squareRoot()) < 1e-4)
        #expect(abs(d.relativeStandardErrors[1] - (1.0 / 600).squareRoot()) < 1e-4)
    }
}
