import KehuCore

/// The fitted parameters and diagnostics of a CLV report, as text for people
/// and as a name/value table for scripts.
enum CLVSummary {
    static func text(_ r: CLVReport) -> String {
        var out = ""
        let unit = r.spec.unit.rawValue
        let p = r.purchases.diagnostics
        out += "BG/NBD purchase model (unit: \(unit), calibration end \(r.spec.asOf), \(p.observations) customers)\n"
        if let m = r.purchases.model {
            out += "  " + params([("r", m.r), ("alpha", m.alpha), ("a", m.a), ("b", m.b)], p.relativeStandardErrors) + "\n"
            out += "  log-likelihood \(ReportOutput.number(p.logLikelihood, 2)); \(p.startsAgreeing)/\(p.starts) starts agree; "
                + "\(p.iterations) iterations; \(p.message)\n"
            out += "  repeat purchases in calibration: observed \(r.observedRepeats), model \(ReportOutput.number(r.expectedRepeats, 1))"
            if let e = r.expectedRepeats, r.observedRepeats > 0, abs(e / Double(r.observedRepeats) - 1) > 0.1 {
                out += " (off by \(ReportOutput.fraction(e / Double(r.observedRepeats) - 1, true, signed: true)): the model describes this store poorly)"
            }
            out += "\n"
        } else {
            out += "  NOT FITTED: \(p.message)\n"
        }
        let g = r.spend.diagnostics
        out += "Gamma-Gamma spend model (CNY per purchase, \(g.observations) repeat customers)\n"
        if let m = r.spend.model {
            out += "  " + params([("p", m.p), ("q", m.q), ("v", m.v)], g.relativeStandardErrors) + "\n"
            out += "  log-likelihood \(ReportOutput.number(g.logLikelihood, 2)); \(g.startsAgreeing)/\(g.starts) starts agree; "
                + "population mean spend \(ReportOutput.money(major: m.populationMeanSpend, true))\n"
        } else {
            out += "  NOT FITTED: \(g.message)\n"
        }
        if let c = r.spendFrequencyCorrelation {
            out += "  frequency–spend correlation \(ReportOutput.number(c, 3))"
                + (abs(c) > 0.3 ? " (high: the model assumes independence, treat values with care)" : "") + "\n"
        }
        return out
    }

    static func params(_ values: [(String, Double)], _ errors: [Double]) -> String {
        values.enumerated().map { i, v in
            "\(v.0) = \(ReportOutput.number(v.1, 4))" + (i < errors.count ? " (±\(ReportOutput.fraction(errors[i], true, digits: 1)))" : "")
        }.joined(separator: "   ")
    }

    /// model, parameter, value, relative standard error — plus diagnostics as rows.
    static func table(_ r: CLVReport) -> Table {
        var rows: [[String]] = []
        func add(_ model: String, _ name: String, _ value: Double?, _ se: Double? = nil) {
            rows.append([model, name, ReportOutput.number(value, 6), ReportOutput.number(se, 4)])
        }
        let p = r.purchases.diagnostics, g = r.spend.diagnostics
        let pe = p.relativeStandardErrors, ge = g.relativeStandardErrors
        if let m = r.purchases.model {
            for (i, (n, v)) in [("r", m.r), ("alpha", m.alpha), ("a", m.a), ("b", m.b)].enumerated() { add("bgnbd", n, v, i < pe.count ? pe[i] : nil) }
        }
        add("bgnbd", "converged", p.converged ? 1 : 0)
        add("bgnbd", "penalty", p.penalty)
        add("bgnbd", "log_likelihood", p.logLikelihood)
        add("bgnbd", "customers", Double(p.observations))
        add("bgnbd", "observed_repeats", Double(r.observedRepeats))
        add("bgnbd", "expected_repeats", r.expectedRepeats)
        if let m = r.spend.model {
            for (i, (n, v)) in [("p", m.p), ("q", m.q), ("v", m.v)].enumerated() { add("gammagamma", n, v, i < ge.count ? ge[i] : nil) }
        }
        add("gammagamma", "converged", g.converged ? 1 : 0)
        add("gammagamma", "penalty", g.penalty)
        add("gammagamma", "log_likelihood", g.logLikelihood)
        add("gammagamma", "customers", Double(g.observations))
        add("gammagamma", "spend_frequency_correlation", r.spendFrequencyCorrelation)
        return Table(columns: ["model", "parameter", "value", "relative_se"], rows: rows, numeric: ["value", "relative_se"])
    }
}
