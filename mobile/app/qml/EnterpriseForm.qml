// Adding or editing an enterprise: the credit code is checked as it is typed (GB 32100-2015),
// the industry chain link comes from the scheme, the site is where check-ins are compared. Opened
// from a record's enterprise picker it starts with the searched name and hands back the saved id.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    property string enterpriseId
    // A new enterprise's name as far as the person typed it in a search.
    property string prefillName
    readonly property alias enterprise: editor.record
    // The enterprise was saved (the picker that opened the form chooses it).
    signal saved(string id)
    // Asks the opener to take the form away (after a save).
    signal closed()
    title: enterpriseId === "" ? qsTr("新增企业") : qsTr("企业")

    RecordEditor {
        id: editor
        kind: "enterprise"
        recordId: page.enterpriseId
        onSaved: (id) => page.saved(id)
        Component.onCompleted: if (page.enterpriseId === "" && page.prefillName !== "") setField("name", page.prefillName)
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
            x: scroll.availableWidth < 500 ? 12 : 24
            width: Math.min(scroll.availableWidth - 2 * x, 800)
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
            // One above the other: the names of industries and links are long for a phone's width.
            ComboBox {
                id: industry
                Layout.fillWidth: true
                model: [{ key: "", name: qsTr("未选择") }].concat(Format.industries)
                textRole: "name"; valueRole: "key"
                currentIndex: Math.max(0, indexOfValue(page.enterprise.industry || ""))
                onActivated: page.set("industry", currentValue)
            }
            ComboBox {
                id: chainLink
                objectName: "chainLink"
                Layout.fillWidth: true
                // The stored link is always offered, even one the scheme's chain no longer lists.
                readonly property string stored: page.enterprise.chainLink || ""
                readonly property var links: Format.chain(page.enterprise.industry || "")
                model: [""].concat(links).concat(stored !== "" && links.indexOf(stored) < 0 ? [stored] : [])
                displayText: currentText === "" ? qsTr("产业链环节（未选择）") : currentText
                currentIndex: Math.max(0, model.indexOf(stored))
                onActivated: page.set("chainLink", currentText)
            }
            Label { text: qsTr("注册地址") }
            TextField {
                objectName: "address"
                Layout.fillWidth: true
                text: page.enterprise.address || ""
                placeholderText: qsTr("如：新乡市经开区纬七路与经十路交叉口")
                onTextEdited: page.set("address", text)
            }
            Label { text: qsTr("注册地址坐标（签到时比对距离）"); wrapMode: Text.Wrap; Layout.fillWidth: true }
            // Empty fields say what goes in them, not a number that could pass for a real position.
            RowLayout {
                Layout.fillWidth: true
                TextField { id: lat; Layout.fillWidth: true; Layout.minimumWidth: 60; inputMethodHints: Qt.ImhFormattedNumbersOnly
                            text: page.enterprise.site ? page.enterprise.site.latitude : ""; placeholderText: qsTr("纬度（未填写）") }
                TextField { id: lon; Layout.fillWidth: true; Layout.minimumWidth: 60; inputMethodHints: Qt.ImhFormattedNumbersOnly
                            text: page.enterprise.site ? page.enterprise.site.longitude : ""; placeholderText: qsTr("经度（未填写）") }
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
