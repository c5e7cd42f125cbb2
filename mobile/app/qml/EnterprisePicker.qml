// Choosing the enterprise of a record: a field that shows the chosen name and opens a searchable
// list (name or unified social credit code) — nearest first with the distance when the device has
// a position, the enterprises of the latest records first otherwise. 新增企业 opens the enterprise
// form on top of the record's form, and the enterprise saved there comes back chosen.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Button {
    id: picker
    // How the enterprise form is opened on top (RecordForm's navigator).
    property Navigator navigator
    // The chosen enterprise's id; empty: none.
    property string value
    property bool hasError: false
    // The person chose an enterprise (or added one).
    signal picked(string value)
    // The list (for tests and the self-test).
    readonly property alias listPopup: list

    readonly property string chosenName: value !== "" ? enterprises.nameOf(value) : ""
    font.pixelSize: 17
    Layout.fillWidth: true
    implicitHeight: 52
    text: chosenName !== "" ? chosenName : qsTr("请选择企业")
    contentItem: Label {
        text: picker.text
        font: picker.font
        wrapMode: Text.Wrap
        maximumLineCount: 2
        color: picker.chosenName === "" ? "#777" : palette.buttonText
        horizontalAlignment: Text.AlignLeft
        verticalAlignment: Text.AlignVCenter
    }
    onClicked: list.open()

    function choose(id) {
        list.close()
        picker.picked(id)
    }

    // Opens the enterprise form on top; its saved enterprise is chosen.
    function addEnterprise() {
        list.close()
        if (!navigator)
            return
        const form = navigator.open("EnterpriseForm.qml", { prefillName: searchField.text.trim() })
        if (form)
            form.saved.connect(id => picker.picked(id))
    }

    EnterpriseListModel {
        id: enterprises
        store: Session.store
        search: searchField.text
        recentFirst: true
        // Positioning runs only while the list is open.
        followPosition: list.opened
    }

    Popup {
        id: list
        objectName: "enterpriseList"
        parent: Overlay.overlay
        modal: true
        focus: true
        width: parent ? Math.min(parent.width - 16, 640) : 360
        height: parent ? parent.height - 32 : 600
        x: parent ? (parent.width - width) / 2 : 0
        y: 16
        padding: 12
        onOpened: searchField.forceActiveFocus()

        contentItem: ColumnLayout {
            spacing: 8
            TextField {
                id: searchField
                objectName: "enterpriseSearch"
                Layout.fillWidth: true
                font.pixelSize: 17
                placeholderText: qsTr("按名称或统一社会信用代码搜索")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#555"
                text: Object.keys(enterprises.near).length > 0 ? qsTr("按距离排列（离您最近的在前）") : qsTr("最近记录过的企业在前")
            }
            ListView {
                id: rows
                objectName: "enterpriseRows"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: enterprises
                delegate: RowDelegate {
                    id: row
                    required property string enterpriseId
                    required property string name
                    required property string creditCode
                    required property string industry
                    required property string industryName
                    required property double distanceM
                    required property string lastUsed
                    width: ListView.view.width
                    highlighted: enterpriseId === picker.value
                    contentItem: RowLayout {
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label { text: row.name; font.pixelSize: 17; wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Label {
                                text: [row.creditCode, Format.industryNames[row.industry] || row.industryName, row.lastUsed !== "" ? qsTr("最近 %1").arg(Format.date(row.lastUsed)) : ""].filter(s => s).join(" · ")
                                color: "#555"
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            visible: row.distanceM >= 0
                            color: "#1e88e5"
                            text: row.distanceM >= 1000 ? qsTr("%1 公里").arg(Format.number(row.distanceM / 1000, 1))
                                                        : qsTr("%1 米").arg(Format.number(row.distanceM, 0))
                        }
                    }
                    onClicked: picker.choose(enterpriseId)
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: enterprises.count === 0
                    color: "#777"
                    text: qsTr("没有找到企业，可以新增")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Button { text: qsTr("新增企业"); highlighted: true; onClicked: picker.addEnterprise() }
                Item { Layout.fillWidth: true }
                Button { text: qsTr("取消"); flat: true; onClicked: list.close() }
            }
        }
    }
}
