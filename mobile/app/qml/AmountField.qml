// An amount typed the way people say it — 3 亿元, 800 万元 — with its unit always shown beside the
// number. The record keeps the exact decimal in 元 (or dollars) it always stored ("300000000.00"):
// Format.parseAmount scales the typed digits without floating point. A number that cannot be an
// amount is marked on the field and changes nothing.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

ColumnLayout {
    id: field
    // The stored amount, "800000000.00"; empty: none.
    property string amount
    property string currency: "CNY"
    property bool hasError: false
    // The unit the person types in: yuan, wan (万) or yi (亿); a stored amount opens in the unit it
    // reads best in, and the unit then stays what the person chose.
    property string unit: "wan"
    // Why the typed text is not an amount; empty when it is one.
    readonly property string problem: input.problem
    // Whether the field says itself why the typed text is not an amount (a form that marks its
    // fields shows it under the field instead).
    property bool showsProblem: true
    // The person typed a valid amount ("" when they emptied the field).
    signal edited(string amount)
    // The person typed something that is not an amount; the stored amount is left as it was.
    signal invalid(string message)
    spacing: 2

    // The typed text follows the stored amount unless it already says the same (so typing "3.50"
    // is not rewritten to "3.5" under the cursor).
    function show() {
        const typed = Format.parseAmount(input.text, unit)
        if (amount === "" ? input.text.trim() !== "" && typed.amount === undefined : typed.amount !== amount)
            input.text = amount === "" ? "" : Format.amountIn(amount, unit)
    }
    onAmountChanged: show()
    Component.onCompleted: {
        if (amount !== "")
            unit = Format.bestAmountUnit(amount)
        show()
    }

    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: input
            property string problem
            objectName: "amountInput"
            Layout.fillWidth: true
            Layout.minimumWidth: 80
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            font.pixelSize: 17
            placeholderText: qsTr("金额")
            color: field.hasError || problem !== "" ? "#b00020" : palette.text
            onTextEdited: {
                if (text.trim() === "") {
                    problem = ""
                    field.edited("")
                    return
                }
                const parsed = Format.parseAmount(text, field.unit)
                problem = parsed.error || ""
                if (parsed.amount !== undefined)
                    field.edited(parsed.amount)
                else
                    field.invalid(problem)
            }
        }
        ComboBox {
            id: units
            objectName: "amountUnit"
            Layout.preferredWidth: 110
            font.pixelSize: 17
            model: Format.language ? ["yuan", "wan", "yi"].map(u => ({ value: u, label: Format.amountUnitName(u, field.currency) })) : []
            textRole: "label"
            valueRole: "value"
            currentIndex: Math.max(0, ["yuan", "wan", "yi"].indexOf(field.unit))
            // The same amount, written in the new unit.
            onActivated: {
                field.unit = currentValue
                input.problem = ""
                input.text = field.amount === "" ? "" : Format.amountIn(field.amount, field.unit)
            }
        }
    }
    Label {
        visible: field.showsProblem && input.problem !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: "#b00020"
        text: input.problem
    }
    Label {
        visible: input.problem === "" && field.amount !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: "#555"
        text: Format.language ? Format.money({ currency: field.currency, amount: field.amount }) : ""
    }
}
