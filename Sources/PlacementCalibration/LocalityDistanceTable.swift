/// DfE's joint table of distance and locality (`Distance … and locality`) as fitting targets: children
/// placed inside and outside the boundary, each within and over 20 miles. Fitting it, not only its two
/// margins, keeps each authority's split of distance between inside and outside, which the geometry of
/// the areas alone does not give (the share of children placed inside who are over 20 miles, and of
/// those outside who are within, stay close to last year's).
enum LocalityDistanceTable {
    /// The four targets (inside within, inside over, outside within, outside over) meeting the
    /// locality targets `sides` (inside, outside) and the distance targets `bands` (within, over), with
    /// the published table's association; nil where the table, a margin or a consistent raking is
    /// missing. `insideCanBeFar`: whether two points of the area can be more than 20 miles apart;
    /// where not, no cell of the model can hold the few children the table records inside and far (a
    /// home address recorded elsewhere): the seed counts them inside and near, and since both margins
    /// are kept, the raking moves as many children outside from near to far.
    static func targets(
        _ figures: PublishedPlacementFigures, sides: [Double?], bands: [Double?], insideCanBeFar: Bool
    ) -> [Double]? {
        guard let inside = sides[0], let outside = sides[1], let within = bands[0], let over = bands[1],
            var seed = seed(figures)
        else { return nil }
        if !insideCanBeFar {
            seed[0] += seed[1]
            seed[1] = 0
        }
        return raked(seed, rows: [inside, outside], columns: [within, over])
    }

    /// The published cells; a suppressed cell is what its published distance band leaves when the
    /// band's other cell is published.
    static func seed(_ figures: PublishedPlacementFigures) -> [Double]? {
        var cells = [
            figures.insideWithin20Miles, figures.insideOver20Miles, figures.outsideWithin20Miles,
            figures.outsideOver20Miles,
        ]
        for (column, band) in [figures.within20Miles, figures.over20Miles].enumerated() {
            guard let band else { continue }
            switch (cells[column], cells[column + 2]) {
            case (nil, let outside?): cells[column] = max(0, band - outside)
            case (let inside?, nil): cells[column + 2] = max(0, band - inside)
            default: break
            }
        }
        guard cells.allSatisfy({ $0 != nil }) else { return nil }
        return cells.map { Double($0 ?? 0) }
    }

    /// `seed` raked to its row sums (inside, outside) and column sums (within, over), keeping its odds
    /// ratio; nil when its zeros leave no table with those sums. The rows and the columns add up to the
    /// same children (the authority's), and each sweep ends on the columns, so rows met means all met.
    static func raked(_ seed: [Double], rows: [Double], columns: [Double]) -> [Double]? {
        var x = seed
        func rowSum(_ r: Int) -> Double { x[2 * r] + x[2 * r + 1] }
        func columnSum(_ c: Int) -> Double { x[c] + x[c + 2] }
        for _ in 0..<500 {
            for r in 0..<2 where rowSum(r) > 0 {
                let ratio = rows[r] / rowSum(r)
                x[2 * r] *= ratio
                x[2 * r + 1] *= ratio
            }
            for c in 0..<2 where columnSum(c) > 0 {
                let ratio = columns[c] / columnSum(c)
                x[c] *= ratio
                x[c + 2] *= ratio
            }
        }
        let met = (0..<2).allSatisfy { abs(rowSum($0) - rows[$0]) <= 1e-6 * max(1, rows[$0]) }
        return met ? x : nil
    }
}
