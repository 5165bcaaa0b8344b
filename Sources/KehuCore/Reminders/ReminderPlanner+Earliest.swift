extension ReminderPlanner {
    /// Each customer's first reminder in agenda order — what `plan(s)` lists first
    /// for that customer — one call per customer that has any, in no set order.
    ///
    /// For views that show one date per customer (the list's next follow-up): the
    /// same answer as walking the full plan, without building and sorting every
    /// reminder of the book first (at 100k customers the workstation's first screen
    /// waited for that sort).
    public func forEachEarliest(_ s: Snapshot, _ body: (Reminder) -> Void) {
        let ctx = PlanContext(s)
        let manual = ManualReminder.all(in: s)
        var list: [Reminder] = []
        // Customers read in place (`values` would copy each one, with its 25 strings).
        s.customers.forEachInIdOrder { c in
            list.removeAll(keepingCapacity: true)
            computed(c, ctx, into: &list)
            if let ms = manual[c.id] {
                for m in ms { if let r = self.manual(m, customer: c, in: s) { list.append(r) } }
            }
            guard !list.isEmpty else { return }
            // The agenda's sort key, with the position as the last tie-break as in `plan`.
            var best = 0
            var bestKey = Reminder.SortKey(list[0], 0)
            for k in list.indices.dropFirst() {
                let key = Reminder.SortKey(list[k], k)
                if key < bestKey { best = k; bestKey = key }
            }
            body(list[best])
        }
    }
}
