// A check-in drawn against the enterprise's registered site, to scale: the site, the scheme's
// distance threshold around it, the fix and the circle of its stated accuracy. Flat-earth
// metres around the site are exact enough over the few kilometres drawn.
pragma ComponentBehavior: Bound
import QtQuick

Canvas {
    id: drawing
    // {latitude, longitude}, or undefined when the enterprise has no registered site.
    property var site
    // The record's checkIn: {position, accuracyM, distanceM, flags}.
    property var checkIn
    property real thresholdM: 500

    implicitHeight: 260
    readonly property bool drawable: site !== undefined && site !== null && checkIn !== undefined && checkIn !== null

    // The fix's offset from the site in metres (east, north).
    function offset() {
        const lat0 = drawing.site.latitude * Math.PI / 180
        const east = (drawing.checkIn.position.longitude - drawing.site.longitude) * 111320 * Math.cos(lat0)
        const north = (drawing.checkIn.position.latitude - drawing.site.latitude) * 110540
        return { east: east, north: north }
    }

    onSiteChanged: requestPaint()
    onCheckInChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        ctx.fillStyle = "#f5f5f5"
        ctx.fillRect(0, 0, width, height)
        if (!drawable)
            return
        const o = offset()
        const reach = Math.max(thresholdM, Math.hypot(o.east, o.north) + drawing.checkIn.accuracyM) * 1.15
        const scale = (Math.min(width, height) / 2) / reach // pixels a metre
        const cx = width / 2, cy = height / 2
        // The threshold: inside it the check-in is on site. Dashed (a limit, not a thing on the
        // ground), drawn as short arcs.
        ctx.strokeStyle = "#607d8b"
        ctx.lineWidth = 1.5
        const r = thresholdM * scale
        const dashes = Math.max(12, Math.round(2 * Math.PI * r / 10))
        for (let i = 0; i < dashes; ++i) {
            ctx.beginPath()
            ctx.arc(cx, cy, r, 2 * Math.PI * i / dashes, 2 * Math.PI * (i + 0.6) / dashes)
            ctx.stroke()
        }
        // The fix, the line to it and its accuracy.
        const fx = cx + o.east * scale, fy = cy - o.north * scale
        ctx.strokeStyle = "#9e9e9e"
        ctx.beginPath()
        ctx.moveTo(cx, cy)
        ctx.lineTo(fx, fy)
        ctx.stroke()
        const far = Math.hypot(o.east, o.north) > thresholdM
        ctx.fillStyle = far ? "rgba(211, 47, 47, 0.18)" : "rgba(46, 125, 50, 0.18)"
        ctx.strokeStyle = far ? "#d32f2f" : "#2e7d32"
        ctx.beginPath()
        ctx.arc(fx, fy, Math.max(2, drawing.checkIn.accuracyM * scale), 0, 2 * Math.PI)
        ctx.fill()
        ctx.stroke()
        ctx.fillStyle = far ? "#d32f2f" : "#2e7d32"
        ctx.beginPath()
        ctx.arc(fx, fy, 5, 0, 2 * Math.PI)
        ctx.fill()
        // The site.
        ctx.fillStyle = "#1565c0"
        ctx.fillRect(cx - 6, cy - 6, 12, 12)
    }
}
