// A date picked on a calendar instead of typed: the field shows the date in the UI's language
// (2026年11月30日, 30 Nov 2026) and opens a month grid (plain Qt Quick Controls) on a tap. The
// value is the wire's ISO date ("2026-11-30"); `optional` adds a way to clear it.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Button {
    id: field
    // The chosen date, "yyyy-mm-dd"; empty: none.
    property string value
    property bool optional: false
    property bool hasError: false
    // The person chose a date (or cleared it: "").
    signal picked(string value)
    // The calendar (for tests and the self-test).
    readonly property alias calendarPopup: calendar

    // The month the calendar shows: the value's, else today's.
    property int shownYear
    property int shownMonth   // 1–12

    flat: false
    font.pixelSize: 17
    Layout.fillWidth: true
    implicitHeight: 52
    text: Format.language && value !== "" ? Format.date(value) : qsTr("选择日期")
    contentItem: Label {
        text: field.text
        font: field.font
        // Marked by the form's label and message, not by this text.
        color: field.value === "" ? "#777" : palette.buttonText
        horizontalAlignment: Text.AlignLeft
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    onClicked: open()

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function iso(y, m, d) { return y + "-" + pad(m) + "-" + pad(d) }
    // Shows the calendar at the value's month.
    function open() {
        const from = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : Settings.today
        shownYear = Number(from.slice(0, 4))
        shownMonth = Number(from.slice(5, 7))
        calendar.open()
    }
    function shift(months) {
        const m = shownYear * 12 + (shownMonth - 1) + months
        shownYear = Math.floor(m / 12)
        shownMonth = m % 12 + 1
    }
    function choose(date) {
        calendar.close()
        picked(date)
    }

    Popup {
        id: calendar
        parent: Overlay.overlay
        modal: true
        // Centred in the window, and never wider than it (a phone).
        width: Math.min(parent ? parent.width - 24 : 360, 380)
        x: parent ? (parent.width - width) / 2 : 0
        y: parent ? Math.max(12, (parent.height - height) / 2) : 0
        padding: 12

        // Days of the shown month in a Monday-first grid: leading blanks, then 1…n.
        readonly property int firstWeekday: (new Date(Date.UTC(field.shownYear, field.shownMonth - 1, 1)).getUTCDay() + 6) % 7
        readonly property int daysInMonth: new Date(Date.UTC(field.shownYear, field.shownMonth, 0)).getUTCDate()

        contentItem: ColumnLayout {
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Button { text: "‹"; flat: true; font.pixelSize: 20; onClicked: field.shift(-1); Accessible.name: qsTr("上个月") }
                Label {
                    objectName: "monthTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: 18
                    text: Format.monthTitle(field.shownYear, field.shownMonth)
                }
                Button { text: "›"; flat: true; font.pixelSize: 20; onClicked: field.shift(1); Accessible.name: qsTr("下个月") }
            }
            GridLayout {
                id: grid
                Layout.fillWidth: true
                columns: 7
                rowSpacing: 2
                columnSpacing: 2
                Repeater {
                    model: Format.weekdayNames()
                    Label {
                        required property string modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        horizontalAlignment: Text.AlignHCenter
                        color: "#777"
                        text: modelData
                    }
                }
                Repeater {
                    model: calendar.firstWeekday + calendar.daysInMonth
                    Button {
                        id: day
                        required property int index
                        readonly property int dayNumber: index - calendar.firstWeekday + 1
                        readonly property string date: field.iso(field.shownYear, field.shownMonth, dayNumber)
                        objectName: dayNumber > 0 ? "day-" + date : ""
                        visible: dayNumber > 0
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.preferredHeight: 40
                        padding: 0
                        flat: date !== field.value
                        highlighted: date === field.value
                        font.bold: date === Settings.today
                        text: dayNumber
                        onClicked: field.choose(date)
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Button { text: qsTr("今天"); flat: true; onClicked: field.choose(Settings.today) }
                Item { Layout.fillWidth: true }
                Button { visible: field.optional; text: qsTr("清除"); flat: true; onClicked: field.choose("") }
                Button { text: qsTr("取消"); flat: true; onClicked: calendar.close() }
            }
        }
    }
}
