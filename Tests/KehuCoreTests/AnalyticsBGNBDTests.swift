import Foundation
import KehuCore
import Testing

@Suite("Analytics: BG/NBD")
struct AnalyticsBGNBDTests {
    /// The published CDNOW fit (Fader, Hardie & Lee 2005, weeks).
    let cdnow = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    /// Values computed by hand from equation (6) (A₁…A₄ with math.lgamma) and,
    /// for the expectation, scipy's hyp2f1 in a throw-away script.
    @Test(arguments: [
        (0, 0.0, 38.86, -0.5547132764381585, 1.0, 0.19509805201125396),
        (2, 30.43, 38.86, -9.458606307066272, 0.726578570080673, 1.226028174767135),
        (1, 1.71, 38.86, -4.46909327503259, 0.2121009853773791, 0.20318698707975108),
        (7, 35.0, 38.0, -22.012920134497165, 0.8619910650934327, 4.556185276589776),
    ])
    func handComputedValues(x: Int, tx: Double, T: Double, ll: Double, alive: Double, expected39: Double) {
        #expect(abs(cdnow.logLikelihood(x: x, tx: tx, T: T) - ll) < 1e-10)
        #expect(abs(cdnow.probabilityAlive(x: x, tx: tx, T: T) - alive) < 1e-12)
        let e = cdnow.expectedPurchases(over: 39, x: x, tx: tx, T: T)
        #expect(e != nil && abs(e! - expected39) < 1e-9)
    }

    /// Heavy buyers in day units, where the untransformed ₂F₁ series overflows; reference
    /// values from mpmath at 50 digits.
    @Test(arguments: [
        (1.2, 70.0, 0.98, 21.1, 365.0, 300, 400.0, 400.0, 176.1346316148704),
        (1.2, 70.0, 0.98, 21.1, 365.0, 600, 700.0, 720.0, 0.02941341711305461),
        (0.243, 4.414, 0.793, 2.426, 520.0, 40, 38.0, 39.0, 133.06690938315617),
        // z = 0.873: the direct series would pass 1e308 on the way (≈ (1−z)^−401 ≈ 1e359).
        (1.2, 70.0, 0.98, 21.1, 3650.0, 400, 450.0, 460.0, 148.30086992764317),
    ])
    func expectationForHeavyBuyers(r: Double, alpha: Double, a: Double, b: Double, t: Double, x: Int, tx: Double, T: Double, expected: Double) throws {
        let e = try #require(BGNBDModel(r: r, alpha: alpha, a: a, b: b).expectedPurchases(over: t, x: x, tx: tx, T: T))
        #expect(abs(e / expected - 1) < 1e-9, "\(e)")
    }

    @Test func cdnowLogLikelihoodAtPublishedParameters() {
        let total = cdnowSummaries().reduce(0.0) { $0 + cdnow.logLikelihood(x: $1.frequency, tx: $1.recency, T: $1.age) }
        // The paper reports −9582.4; a throw-away Python sum gives −9582.426831.
        #expect(abs(total - -9582.426831182353) < 1e-6)
    }

    @Test func gradientMatchesCentralDifferences() {
        let fitter = BGNBDFitter(cdnowSummaries())
        let theta = [log(0.3), log(5.0), log(0.7), log(2.0)]
        let analytic = fitter.objective(theta).gradient
        let numeric = BFGSMinimizer.numericGradient({ fitter.objective($0).value }, at: theta)
        for i in 0..<4 { #expect(abs(analytic[i] - numeric[i]) < 1e-7, "component \(i): \(analytic[i]) vs \(numeric[i])") }
    }

    @Test func reproducesPublishedCDNOWFit() throws {
        let fit = BGNBDFitter(cdnowSummaries()).fit()
        let m = try #require(fit.model, "\(fit.diagnostics.message)")
        #expect(fit.diagnostics.converged)
        #expect(fit.diagnostics.observations == 2357)
        #expect(abs(m.r - 0.243) < 0.0015)
        #expect(abs(m.alpha - 4.414) < 0.005)
        #expect(abs(m.a - 0.793) < 0.0015)
        #expect(abs(m.b - 2.426) < 0.005)
        #expect(abs(fit.diagnostics.logLikelihood - -9582.43) < 0.01)
        #expect(fit.diagnostics.startsAgreeing >= 2)
        // lifetimes' summary gives standard errors of about 0.0125, 0.38, 0.19, 0.71,
        // i.e. relative errors of about 5 %, 9 %, 23 %, 29 %.
        let se = fit.diagnostics.relativeStandardErrors
        #expect(se.count == 4)
        if se.count == 4 {
            #expect(se[0] > 0.03 && se[0] < 0.08, "r \(se[0])")
            #expect(se[1] > 0.05 && se[1] < 0.13, "alpha \(se[1])")
            #expect(se[2] > 0.15 && se[2] < 0.32, "a \(se[2])")
            #expect(se[3] > 0.18 && se[3] < 0.40, "b \(se[3])")
        }
    }

    @Test func recoversSimulatedParameters() throws {
        let truth = BGNBDModel(r: 0.5, alpha: 6, a: 0.7, b: 2.5)
        var sim = AnalyticsSimulator(seed: 20261125)
        let data = sim.bgnbd(truth, customers: 30_000, ages: 30...80)
        let fit = BGNBDFitter(data).fit()
        let m = try #require(fit.model, "\(fit.diagnostics.message)")
        #expect(abs(m.r / truth.r - 1) < 0.08, "r \(m.r)")
        #expect(abs(m.alpha / truth.alpha - 1) < 0.10, "alpha \(m.alpha)")
        #expect(abs(m.a / truth.a - 1) < 0.20, "a \(m.a)")
        #expect(abs(m.b / truth.b - 1) < 0.25, "b \(m.b)")
        // The maximum is at least as likely as the truth.
        let atTruth = data.reduce(0.0) { $0 + truth.logLikelihood(x: $1.frequency, tx: $1.recency, T: $1.age) }
        #expect(fit.diagnostics.logLikelihood >= atTruth - 1e-6)
    }

    @Test func expectedPurchasesOfNewCustomerMatchesSimulationMean() throws {
        // E[X(t)] against the simulated mean repeat count at a fixed age.
        let truth = BGNBDModel(r: 0.5, alpha: 6, a: 0.7, b: 2.5)
        var sim = AnalyticsSimulator(seed: 7)
        let data = sim.bgnbd(truth, customers: 40_000, ages: 52...52)
        let mean = Double(data.reduce(0) { $0 + $1.frequency }) / Double(data.count)
        let e = try #require(truth.expectedPurchases(newCustomerOver: 52))
        #expect(abs(e - mean) < 0.05 * e, "expected \(e), simulated \(mean)")
    }

    @Test func fitWithoutDataFailsAndSaysSo() {
        let fit = BGNBDFitter([]).fit()
        #expect(fit.model == nil)
        #expect(!fit.diagnostics.converged)
        #expect(fit.diagnostics.message == "no data to fit")
    }

    @Test func fitWhereNobodyRepeatsDoesNotClaimConvergence() {
        // With no repeat purchase at all the likelihood increases towards r → 0: no
        // finite maximum. The fitter must report that rather than return parameters.
        let data = (1...200).map { RepeatPurchaseSummary(frequency: 0, recency: 0, age: Double($0)) }
        let fit = BGNBDFitter(data).fit()
        #expect(fit.model == nil)
        #expect(fit.diagnostics.message.contains("did not converge"))
    }

    @Test func sameRateForEveryoneStillFitsTheRate() throws {
        // Gamma(r, α) with r → ∞ at r/α = 0.5: everyone buys at rate 0.5. The fit must
        // find a large r with the right mean rate (plain, or penalised if flat).
        let truth = BGNBDModel(r: 1e6, alpha: 2e6, a: 0.7, b: 2.5)
        var sim = AnalyticsSimulator(seed: 5)
        let data = sim.bgnbd(truth, customers: 5000, ages: 30...80)
        let fit = BGNBDFitter(data).fit()
        let m = try #require(fit.model, "\(fit.diagnostics.message)")
        #expect(fit.diagnostics.converged)
        #expect(m.r > 20, "r \(m.r)")
        #expect(abs(m.r / m.alpha / 0.5 - 1) < 0.05, "rate \(m.r / m.alpha)")
    }
}
