import Foundation
import KehuCore
import Testing

@Suite("Analytics: Gamma-Gamma")
struct AnalyticsGammaGammaTests {
    let published = GammaGammaModel(p: 6.25, q: 3.74, v: 15.44)

    @Test func handComputedLogLikelihood() {
        // ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v+xm), by hand in Python.
        #expect(abs(published.logLikelihood(x: 2, meanSpend: 22.35) - -3.551316759731698) < 1e-10)
        #expect(abs(published.logLikelihood(x: 1, meanSpend: 11.77) - -3.7377096787408313) < 1e-10)
    }

    @Test func reproducesPublishedCDNOWFit() throws {
        let fitter = GammaGammaFitter(cdnowSummaries())
        #expect(fitter.observations == 946)
        let fit = fitter.fit()
        let m = try #require(fit.model, "\(fit.diagnostics.message)")
        #expect(abs(m.p - 6.25) < 0.01)
        #expect(abs(m.q - 3.74) < 0.01)
        #expect(abs(m.v - 15.44) < 0.02)
        #expect(fit.diagnostics.logLikelihood >= -4055.9247127301633)
    }

    @Test func gradientMatchesCentralDifferences() {
        let fitter = GammaGammaFitter(cdnowSummaries())
        let theta = [log(4.0), log(2.5), log(20.0)]
        let analytic = fitter.objective(theta).gradient
        let numeric = BFGSMinimizer.numericGradient({ fitter.objective($0).value }, at: theta)
        for i in 0..<3 { #expect(abs(analytic[i] - numeric[i]) < 1e-7, "component \(i): \(analytic[i]) vs \(numeric[i])") }
    }

    @Test func recoversSimulatedParameters() throws {
        let truth = GammaGammaModel(p: 6, q: 4, v: 15)
        var sim = AnalyticsSimulator(seed: 99)
        let data = sim.bgnbd(BGNBDModel(r: 0.5, alpha: 6, a: 0.7, b: 2.5), customers: 30_000, ages: 30...80, spend: truth)
        let fit = GammaGammaFitter(data).fit()
        let m = try #require(fit.model, "\(fit.diagnostics.message)")
        #expect(abs(m.p / truth.p - 1) < 0.10, "p \(m.p)")
        #expect(abs(m.q / truth.q - 1) < 0.10, "q \(m.q)")
        #expect(abs(m.v / truth.v - 1) < 0.15, "v \(m.v)")
    }

    @Test func expectedSpendShrinksTowardsPopulationMean() throws {
        let pop = try #require(published.populationMeanSpend)
        #expect(abs(pop - 6.25 * 15.44 / 2.74) < 1e-12)
        let one = try #require(published.expectedMeanSpend(x: 1, meanSpend: 100))
        let many = try #require(published.expectedMeanSpend(x: 20, meanSpend: 100))
        #expect(one > pop && one < 100 && many > one && many < 100)
        #expect(published.expectedMeanSpend(x: 0, meanSpend: nil) == pop)
    }
}
