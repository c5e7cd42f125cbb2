// Adding or editing an enterprise: the credit code is checked as it is typed (GB 32100-2015),
// the industry chain link comes from the scheme, the site is where check-ins are compared.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    property string enterpriseId
    readonly property alias enterprise: editor.record
    // Asks the opener to take the form away (after a save).
    signal closed()
    title: enterpriseId === "" ? qsTr("新增企业") : qsTr("企业")

    RecordEditor {
        id: editor
        kind: "enterprise"
        recordId: page.enterpriseId
    }

    function set(key, value) { editor.setField(key, value) }

    // Leaving with changes not saved asks: keep them as a draft, or throw them away.
    function leave() {
        if (editor.dirty)
            leaveDialog.open()
        else
            page.closed()
    }
    function keepDraft() {
        if (editor.dirty)
            editor.keepDraft()
    }
    LeaveDialog {
        id: leaveDialog
        onKeep: { editor.keepDraft(); page.closed() }
        onDiscard: { editor.discardDraft(); page.closed() }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: 24
            width: Math.min(scroll.availableWidth - 48, 800)
            spacing: 10
            Item { Layout.preferredHeight: 8 }
            Label { text: qsTr("企业名称 *") }
            TextField { Layout.fillWidth: true; text: page.enterprise.name || ""; onTextEdited: page.set("name", text) }
            Label { text: qsTr("统一社会信用代码") }
            TextField {
                id: code
                Layout.fillWidth: true
                text: page.enterprise.creditCode || ""
                font.capitalization: Font.AllUppercase
                maximumLength: 18
                onTextEdited: page.set("creditCode", text.toUpperCase())
            }
            Label {
                readonly property string problem: code.text === "" ? "" : editor.creditCodeProblem(code.text.toUpperCase())
                visible: problem !== ""
                color: "#b00020"
                text: problem
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("所属产业与产业链环节") }
            RowLayout {
                ComboBox {
                    id: industry
                    Layout.fillWidth: true
                    model: [{ key: "", name: qsTr("未选择") }].concat(Format.industries)
                    textRole: "name"; valueRole: "key"
                    Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.enterprise.industry || ""))
                    onActivated: page.set("industry", currentValue)
                }
                ComboBox {
                    Layout.fillWidth: true
                    model: [""].concat(Format.chain(industry.currentValue || ""))
                    displayText: currentText === "" ? qsTr("产业链环节") : currentText
                    Component.onCompleted: currentIndex = Math.max(0, model.indexOf(page.enterprise.chainLink || ""))
                    onActivated: page.set("chainLink", currentText)
                }
            }
            Label { text: qsTr("注册地址坐标（纬度，经度）") }
            RowLayout {
                TextField { id: lat; Layout.fillWidth: true; text: page.enterprise.site ? page.enterprise.site.latitude : ""; placeholderText: "35.2647" }
                TextField { id: lon; Layout.fillWidth: true; text: page.enterprise.site ? page.enterprise.site.longitude : ""; placeholderText: "113.9268" }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 12
                CheckBox { text: qsTr("外资企业"); checked: !!page.enterprise.foreignInvested; onToggled: page.set("foreignInvested", checked) }
                CheckBox { text: qsTr("上市企业"); checked: !!page.enterprise.listed; onToggled: page.set("listed", checked) }
                CheckBox { text: qsTr("世界500强"); checked: !!page.enterprise.fortune500; onToggled: page.set("fortune500", checked) }
                CheckBox { text: qsTr("行业龙头"); checked: !!page.enterprise.industryLeader; onToggled: page.set("industryLeader", checked) }
            }
            Label { visible: editor.errorMessage !== ""; color: "#b00020"; text: qsTr("%1：%2").arg(editor.errorField).arg(editor.errorMessage); wrapMode: Text.Wrap; Layout.fillWidth: true }
            Button {
                text: qsTr("保存")
                highlighted: true
                Layout.preferredHeight: 52
                Layout.preferredWidth: 160
                onClicked: {
                    if (lat.text !== "" || lon.text !== "")
                        page.set("site", { latitude: Number(lat.text), longitude: Number(lon.text) })
                    if (editor.save())
                        page.closed()
                }
            }
        }
    }
}
