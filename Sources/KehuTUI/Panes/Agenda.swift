import KehuCore

/// The agenda: customers whose follow-up is overdue or due in the next 30
/// days, soonest first, with the rule that made the dates.
enum Agenda {
    struct Item: Equatable { var id: String; var name: String; var due: LocalDate; var owner: String? }

    static func items(_ s: AppState) -> [Item] {
        let horizon = s.clock.today.adding(days: 30)
        return s.followUps.due.compactMap { id, d -> Item? in
            guard d <= horizon, let c = s.snapshot.customers[id], s.agendaAll || c.owner == s.user else { return nil }
            return Item(id: id, name: c.name, due: d, owner: c.owner)
        }.sorted { ($0.due, idNumber($0.id)) < ($1.due, idNumber($1.id)) }
    }

    static func render(_ s: AppState, into g: inout Grid, rect r: Rect) {
        g.fill(x: r.x, y: r.y, width: r.width, height: r.height)
        let list = items(s)
        let scope = s.agendaAll ? s.t(.agendaEveryone) : s.t(.agendaMine, s.user)
        g.put([Span(" " + s.t(.paneAgenda) + " ", .tabActive), Span(" " + s.t(.agendaTitle) + " · ", .dim), Span(scope, .accent),
               Span(" · \(list.count)", .dim)], x: r.x, y: r.y, maxWidth: r.width)
        g.put(s.followUps.note.text(s.lang), x: r.x + 1, y: r.y + 1, role: .dim, maxWidth: r.width - 1)
        if list.isEmpty { g.put(s.t(.agendaEmpty), x: r.x + 1, y: r.y + 3, role: .dim, maxWidth: r.width - 1); return }
        let rows = max(1, r.height - 2)
        let today = s.clock.today
        for i in 0..<rows {
            let k = s.agendaTop + i
            guard k < list.count else { break }
            let it = list[k]
            let y = r.y + 2 + i
            let days = it.due.days - today.days
            let when = days < 0 ? s.t(.agendaOverdue, -days) : (days == 0 ? s.t(.agendaToday) : s.t(.agendaInDays, days))
            let role: Role = days < 0 ? .overdue : (days == 0 ? .due : .normal)
            let whenW = s.lang == .zh ? 14 : 18, ownerW = 10
            let kind = s.followUps.kinds[it.id]?.text(s.lang)
            let kindW = kind == nil ? 0 : (s.lang == .zh ? 9 : 13)
            let nameW = max(8, r.width - 1 - 11 - whenW - kindW - ownerW - 3)
            var spans = [Span(it.due.description + " ", role), Span(TextFit.fit(when, whenW) + " ", role)]
            if let kind { spans.append(Span(TextFit.fit(kind, kindW - 1) + " ", .accent)) }
            spans += [Span(TextFit.fit(it.name, nameW) + " "), Span(TextFit.fit(it.owner.map { "@" + $0 } ?? s.t(.inPool), ownerW), .dim)]
            g.put(spans, x: r.x + 1, y: y, maxWidth: r.width - 1)
            if k == s.agendaCursor { g.paint(x: r.x, y: y, width: r.width, role: .selected) }
        }
    }
}
