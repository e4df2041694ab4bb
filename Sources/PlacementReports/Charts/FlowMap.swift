import Foundation
import PlacementScenarios

/// Authorities drawn by their outlines (ONS's boundaries; at their centroid when they have none),
/// shaded by what the map is about, and the children placed from one to another as lines between
/// centroids. The map is fitted to the highlighted authorities with a margin that shows their
/// neighbours; a map of many authorities that include London's boroughs gets an inset for London.
/// Projection: equirectangular, longitude scaled by the cosine of the middle latitude (England's
/// shape to within a few per cent). Line width grows with the square root of the children; in-house
/// flows are solid green, external ones dashed orange. Every map carries the boundaries' credit.
struct FlowMap {
    struct Flow {
        var from: AuthorityCode
        var to: AuthorityCode
        var children: Int
        var inHouse: Bool
    }

    var title: String
    /// Unique within the document: names the arrowheads and clipping areas.
    var id: String
    var authorities: [Authority]
    /// Drawn shaded, and what the map is fitted to; the rest are context.
    var highlighted: Set<AuthorityCode>
    var flows: [Flow]
    /// Children placed inside their own authority; sizes the centroid marks of authorities without an outline.
    var childrenInArea: [AuthorityCode: Int]
    /// Authorities are named when at most this many are highlighted; more get London's inset.
    var labelLimit = FlowMap.labelLimitDefault
    static let labelLimitDefault = 40
    /// What the highlighted authorities are shaded by; a flat blue when `nil`.
    var shading: MapShading? = nil
    var boundaries: AuthorityBoundaries = .england

    private let width = 720.0
    private let margin = 12.0
    /// The legend's rows: the flows, then (with shading) its name and its classes on a row of their
    /// own, so that long class labels ("200 or more") stay inside the picture.
    private var legendHeight: Double { shading == nil ? 26 : 58 }
    private let creditHeight = 18.0
    /// The tallest a map's plot may be, in SVG units.
    private let maximumPlotHeight = 660.0
    /// Width over height of a council's or co-operative's map: its extent is widened to fill it.
    static let scopeAspect = 1.35
    /// Fewer London boroughs than this and there is no inset.
    static let londonInsetMinimum = 5

    /// Longitudes and latitudes to SVG units within a box.
    private struct Projection {
        var extent: MapExtent
        var scale: Double
        var cosine: Double
        var left: Double
        var top: Double

        /// Fits `extent` into a box `width` wide and at most `maximumHeight` tall, centred across.
        init(_ extent: MapExtent, left: Double, top: Double, width: Double, maximumHeight: Double) {
            cosine = cos((extent.north + extent.south) / 2 * Double.pi / 180)
            let spanX = max((extent.east - extent.west) * cosine, 0.01)
            let spanY = max(extent.north - extent.south, 0.01)
            scale = min(width / spanX, maximumHeight / spanY)
            self.extent = extent
            self.left = left + (width - spanX * scale) / 2
            self.top = top
        }

        var width: Double { (extent.east - extent.west) * cosine * scale }
        var height: Double { (extent.north - extent.south) * scale }

        func point(_ coordinate: Coordinate) -> (x: Double, y: Double) {
            (
                left + (coordinate.longitude - extent.west) * cosine * scale,
                top + (extent.north - coordinate.latitude) * scale
            )
        }
    }

    var svg: String {
        guard !authorities.isEmpty else { return SVGText.open(width: width, height: 40, title: title) + "</svg>" }
        // A synthetic scenario's authorities have no outlines and made-up places: England's real
        // boundaries behind them would mislead, so its map has none (and no credit to carry).
        guard authorities.contains(where: { boundaries.outlines[$0.id] != nil }) else {
            var plain = self
            plain.boundaries = AuthorityBoundaries(outlines: [:])
            return plain.render(credit: false)
        }
        return render(credit: true)
    }

    private func render(credit: Bool) -> String {
        let focus = highlighted.isEmpty ? Set(authorities.map(\.id)) : highlighted
        let focusAuthorities = authorities.filter { focus.contains($0.id) }
        let many = focusAuthorities.count > labelLimit
        // Authorities without outlines (a synthetic scenario's) have no neighbours to show: the map
        // takes in where their children go instead.
        var fitted = focusAuthorities
        if !focusAuthorities.contains(where: { boundaries.outlines[$0.id] != nil }) {
            let ends = Set(flows.flatMap { [$0.from, $0.to] })
            fitted += authorities.filter { ends.contains($0.id) && !focus.contains($0.id) }
        }
        var extent = (fitted.isEmpty ? authorities : fitted).map(extent(of:)).reduce(nil as MapExtent?) {
            $0?.union($1) ?? $1
        }!
        .padded(many ? 0.02 : fitted.count == 1 ? 0.4 : 0.12)
        if !many { extent = extent.widened(toAspect: Self.scopeAspect) }
        let plot = Projection(
            extent, left: margin, top: legendHeight, width: width - 2 * margin, maximumHeight: maximumPlotHeight)
        let height = legendHeight + plot.height + creditHeight + margin

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += definitions(plot: plot)
        let inScenario = Set(authorities.map(\.id))
        let hasContext =
            authorities.contains { !focus.contains($0.id) }
            || boundaries.outlines.contains { !inScenario.contains($0.key) && $0.value.extent.intersects(extent) }
        svg += legend(context: hasContext)
        svg += "<g clip-path=\"url(#\(id)-clip)\">"
        svg += areas(plot, extent: extent)
        svg += lines(flows, plot)
        if !many {
            // The scope's authorities, and the scenario's neighbours that show, by name.
            let named = authorities.filter { focus.contains($0.id) || extent.contains($0.centroid) }
            svg += labels(named, plot, bold: focus)
        }
        svg += "</g>"
        svg += "<rect x=\"\(SVGText.number(plot.left))\" y=\"\(SVGText.number(plot.top))\" "
        svg += "width=\"\(SVGText.number(plot.width))\" height=\"\(SVGText.number(plot.height))\" fill=\"none\" "
        svg += "stroke=\"#9aa5b1\" stroke-width=\"0.6\"/>"
        let london = focusAuthorities.filter { $0.region.localizedCaseInsensitiveContains("London") }
        if many, london.count >= Self.londonInsetMinimum {
            svg += inset(london, plot: plot)
        }
        if credit {
            svg += "<text x=\"\(SVGText.number(margin))\" y=\"\(SVGText.number(height - margin + 2))\" "
            svg += "font-size=\"8.5\" fill=\"#52606d\">\(SVGText.escape(AuthorityBoundaries.attribution))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Parts

    private func extent(of authority: Authority) -> MapExtent {
        if let outline = boundaries.outlines[authority.id], !outline.rings.isEmpty { return outline.extent }
        let centre = authority.centroid
        return MapExtent(
            west: centre.longitude - 0.05, east: centre.longitude + 0.05, south: centre.latitude - 0.05,
            north: centre.latitude + 0.05)
    }

    private func definitions(plot: Projection) -> String {
        var svg = "<defs>"
        for (name, colour) in [("in-house", ReportPalette.inHouse), ("external", ReportPalette.external)] {
            svg += "<marker id=\"\(id)-arrow-\(name)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
            svg += "markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
            svg += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>"
        }
        svg += "<clipPath id=\"\(id)-clip\"><rect x=\"\(SVGText.number(plot.left))\" y=\"\(SVGText.number(plot.top))\" "
        svg += "width=\"\(SVGText.number(plot.width))\" height=\"\(SVGText.number(plot.height))\"/></clipPath>"
        return svg + "</defs>"
    }

    /// `context`: whether authorities outside the scope are drawn (and so named in the legend).
    private func legend(context: Bool) -> String {
        var keys = [
            ("in-house flow", line(ReportPalette.inHouse, dashed: false)),
            ("external flow", line(ReportPalette.external, dashed: true)),
        ]
        if context {
            keys.append(
                (
                    "authority outside the scope",
                    "<rect width=\"12\" height=\"10\" fill=\"#f1f3f5\" stroke=\"#c3ccd5\"/>"
                ))
        }
        var svg = SVGText.legend(keys, x: margin, y: 4)
        if let shading {
            svg += "<text x=\"\(SVGText.number(margin))\" y=\"\(SVGText.number(31))\">"
            svg += "\(SVGText.escape(shading.label)):</text>"
            let keys = zip(MapShading.colours, shading.classLabels).map { colour, label in
                (label, "<rect width=\"12\" height=\"10\" fill=\"\(colour)\" stroke=\"#9aa5b1\"/>")
            }
            svg += SVGText.legend(keys, x: margin, y: 38)
        }
        return svg
    }

    /// The shading's colour where the authority has a value; otherwise white (highlighted, with
    /// shading), light blue (highlighted, no shading) or grey (context).
    private func fill(of authority: AuthorityCode) -> String {
        if let shading, shading.values[authority] != nil { return shading.colour(of: authority) }
        guard highlighted.isEmpty || highlighted.contains(authority) else { return "#e4e9ee" }
        return shading == nil ? "#cfe3f2" : MapShading.noValue
    }

    /// Context outlines (authorities outside the scenario) first, then the scenario's.
    private func areas(_ plot: Projection, extent: MapExtent) -> String {
        var svg = ""
        let inScenario = Set(authorities.map(\.id))
        for (code, outline) in boundaries.outlines.sorted(by: { $0.key < $1.key })
        where !inScenario.contains(code) && outline.extent.intersects(extent) {
            svg += "<path d=\"\(path(outline, plot))\" fill=\"#f1f3f5\" stroke=\"#c3ccd5\" stroke-width=\"0.5\"/>"
        }
        var largestInArea = 0.0
        for authority in authorities { largestInArea = max(largestInArea, Double(childrenInArea[authority.id] ?? 0)) }
        for authority in authorities {
            let tooltip = "<title>\(SVGText.escape(tooltip(authority)))</title>"
            if let outline = boundaries.outlines[authority.id], !outline.rings.isEmpty {
                guard outline.extent.intersects(extent) else { continue }
                svg += "<path d=\"\(path(outline, plot))\" fill=\"\(fill(of: authority.id))\" fill-rule=\"evenodd\" "
                svg += "stroke=\"#52606d\" stroke-width=\"0.5\">\(tooltip)</path>"
            } else {
                // No outline (a synthetic authority): a disc at the centroid, its area the children placed in it.
                let point = plot.point(authority.centroid)
                let inArea = Double(childrenInArea[authority.id] ?? 0)
                let radius = 4 + (largestInArea > 0 ? 10 * (inArea / largestInArea).squareRoot() : 0)
                svg += "<circle cx=\"\(SVGText.number(point.x))\" cy=\"\(SVGText.number(point.y))\" "
                svg += "r=\"\(SVGText.number(radius))\" fill=\"\(fill(of: authority.id))\" "
                svg += "stroke=\"\(ReportPalette.node)\">\(tooltip)</circle>"
            }
        }
        // The scope outlined on top, when the map shows more than the scope.
        if !highlighted.isEmpty, highlighted.count < authorities.count {
            for authority in authorities where highlighted.contains(authority.id) {
                guard let outline = boundaries.outlines[authority.id], outline.extent.intersects(extent) else {
                    continue
                }
                svg += "<path d=\"\(path(outline, plot))\" fill=\"none\" stroke=\"#1f2933\" stroke-width=\"1.4\"/>"
            }
        }
        return svg
    }

    private func tooltip(_ authority: Authority) -> String {
        var text = authority.name
        if let shading, let value = shading.values[authority.id] {
            text += ": \(ReportValue.number(value, shading.style).display) \(shading.label)"
        }
        if let inArea = childrenInArea[authority.id] { text += "; \(inArea) placed in their own area" }
        return text
    }

    /// An outline's rings as one SVG path, dropping points closer than half a unit to the last one kept.
    private func path(_ outline: AuthorityBoundaries.Outline, _ plot: Projection) -> String {
        var d = ""
        for ring in outline.rings {
            var last: (x: Double, y: Double)?
            var kept = 0
            for (index, coordinate) in ring.enumerated() {
                let point = plot.point(coordinate)
                if let last, index < ring.count - 1, abs(point.x - last.x) + abs(point.y - last.y) < 0.5 { continue }
                d += (kept == 0 ? "M" : " ") + SVGText.number(point.x) + "," + SVGText.number(point.y)
                last = point
                kept += 1
            }
            d += "Z"
        }
        return d
    }

    private func lines(_ flows: [Flow], _ plot: Projection) -> String {
        var centroids: [AuthorityCode: Coordinate] = [:]
        for authority in authorities { centroids[authority.id] = authority.centroid }
        let largestFlow = Double(flows.map(\.children).max() ?? 1)
        var svg = ""
        // Widest first, so that thin lines stay visible on top.
        for flow in flows.sorted(by: { ($0.children, $0.from, $0.to) > ($1.children, $1.from, $1.to) }) {
            guard let from = centroids[flow.from], let to = centroids[flow.to] else { continue }
            let start = plot.point(from)
            let end = plot.point(to)
            let strokeWidth = 0.8 + 5 * (Double(flow.children) / max(largestFlow, 1)).squareRoot()
            // Bend each line to its right, so that flows in opposite directions do not overlap.
            let dx = end.x - start.x
            let dy = end.y - start.y
            let control = (x: (start.x + end.x) / 2 - dy * 0.18, y: (start.y + end.y) / 2 + dx * 0.18)
            let kind = flow.inHouse ? "in-house" : "external"
            let colour = flow.inHouse ? ReportPalette.inHouse : ReportPalette.external
            svg += "<path d=\"M\(SVGText.number(start.x)),\(SVGText.number(start.y)) "
            svg += "Q\(SVGText.number(control.x)),\(SVGText.number(control.y)) "
            svg += "\(SVGText.number(end.x)),\(SVGText.number(end.y))\" fill=\"none\" stroke=\"\(colour)\" "
            svg += "stroke-width=\"\(SVGText.number(strokeWidth))\" stroke-opacity=\"0.8\" "
            svg += flow.inHouse ? "" : "stroke-dasharray=\"6 3\" "
            svg +=
                "marker-end=\"url(#\(id)-arrow-\(kind))\"><title>\(flow.children) \(flow.children == 1 ? "child" : "children") "
            svg += "from \(SVGText.escape(name(of: flow.from))) to \(SVGText.escape(name(of: flow.to))) (\(kind))"
            svg += "</title></path>"
        }
        return svg
    }

    private func labels(_ named: [Authority], _ plot: Projection, bold: Set<AuthorityCode>) -> String {
        var svg = ""
        for authority in named {
            let point = plot.point(authority.centroid)
            svg += "<text x=\"\(SVGText.number(point.x))\" y=\"\(SVGText.number(point.y - 6))\" "
            svg += bold.contains(authority.id) ? "font-weight=\"bold\" " : "fill=\"#52606d\" "
            svg += "text-anchor=\"middle\" font-size=\"10\" stroke=\"#ffffff\" stroke-width=\"3\" "
            svg += "paint-order=\"stroke\">\(SVGText.escape(authority.name))</text>"
        }
        return svg
    }

    /// London's boroughs enlarged in a framed box at the top right (the North Sea on England's
    /// map), with the flows between them.
    private func inset(_ london: [Authority], plot: Projection) -> String {
        let codes = Set(london.map(\.id))
        let extent = london.map(extent(of:)).reduce(nil as MapExtent?) { $0?.union($1) ?? $1 }!.padded(0.03)
        // Narrow enough to stay east of Flamborough Head on England's map.
        let boxWidth = 196.0
        let boxLeft = width - margin - boxWidth
        let box = Projection(extent, left: boxLeft, top: legendHeight + 18, width: boxWidth, maximumHeight: 170)
        var inner = self
        inner.authorities = london
        inner.highlighted = highlighted.intersection(codes)
        inner.boundaries = AuthorityBoundaries(outlines: boundaries.outlines.filter { codes.contains($0.key) })
        var svg = "<rect x=\"\(SVGText.number(box.left - 4))\" y=\"\(SVGText.number(box.top - 16))\" "
        svg += "width=\"\(SVGText.number(box.width + 8))\" height=\"\(SVGText.number(box.height + 20))\" "
        svg += "fill=\"#ffffff\" stroke=\"#52606d\"/>"
        svg += "<text x=\"\(SVGText.number(box.left))\" y=\"\(SVGText.number(box.top - 4))\" font-weight=\"bold\">"
        svg += "London (enlarged)</text>"
        svg += "<defs><clipPath id=\"\(id)-london-clip\"><rect x=\"\(SVGText.number(box.left))\" "
        svg += "y=\"\(SVGText.number(box.top))\" width=\"\(SVGText.number(box.width))\" "
        svg += "height=\"\(SVGText.number(box.height))\"/></clipPath></defs>"
        svg += "<g clip-path=\"url(#\(id)-london-clip)\">"
        svg += inner.areas(box, extent: extent)
        svg += inner.lines(flows.filter { codes.contains($0.from) && codes.contains($0.to) }, box)
        return svg + "</g>"
    }

    private func name(of id: AuthorityCode) -> String { authorities.first { $0.id == id }?.name ?? id.rawValue }

    private func line(_ colour: String, dashed: Bool) -> String {
        "<line x1=\"0\" y1=\"5\" x2=\"14\" y2=\"5\" stroke=\"\(colour)\" stroke-width=\"3\""
            + (dashed ? " stroke-dasharray=\"4 2\"/>" : "/>")
    }
}
