// The investment map (招商图谱): each leading industry's chain, its links, and the target
// enterprises on each link with how far each has come: visited, in talks, signed, landed.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("招商图谱")
    InvestmentMapModel { id: map; store: Session.store }
    readonly property var stageColors: ({ "none": "#9e9e9e", "visited": "#1e88e5", "talks": "#8e24aa", "signed": "#f4511e", "landed": "#2e7d32", "started": "#1b5e20" })

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: scroll.availableWidth < 500 ? 12 : 20
            width: scroll.availableWidth - 2 * x
            spacing: 8
            Flow {
                Layout.topMargin: 8
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: [["visited", qsTr("已拜访")], ["talks", qsTr("在谈")], ["signed", qsTr("已签约")], ["landed", qsTr("已落地")], ["started", qsTr("已开工")], ["none", qsTr("目标企业")]]
                    RowLayout {
                        id: legend
                        required property var modelData
                        Rectangle { width: 14; height: 14; radius: 7; color: page.stageColors[legend.modelData[0]] }
                        Label { text: legend.modelData[1]; rightPadding: 12 }
                    }
                }
            }
            Repeater {
                model: map
                ColumnLayout {
                    id: industryBlock
                    required property string industry
                    required property string industryName
                    required property bool leading
                    required property var links
                    Layout.fillWidth: true
                    Label { text: (Format.industryNames[industryBlock.industry] || industryBlock.industryName) + (industryBlock.leading ? "" : qsTr("（新兴产业）")); font.pixelSize: 22; Layout.topMargin: 12
                            wrapMode: Text.Wrap; Layout.fillWidth: true }
                    // As many links side by side as fit with whole names (one on a phone).
                    GridLayout {
                        Layout.fillWidth: true
                        columns: Math.max(1, Math.min(industryBlock.links.length, Math.floor(width / 240)))
                        columnSpacing: 6
                        rowSpacing: 6
                        Repeater {
                            model: industryBlock.links
                            Frame {
                                id: linkBox
                                required property var modelData
                                required property int index
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                Layout.preferredWidth: 1
                                Layout.alignment: Qt.AlignTop
                                ColumnLayout {
                                    width: parent.width
                                    Label { text: (linkBox.index + 1) + ". " + linkBox.modelData.name; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                    Repeater {
                                        model: linkBox.modelData.enterprises
                                        RowLayout {
                                            id: target
                                            required property var modelData
                                            Layout.fillWidth: true
                                            Rectangle { width: 10; height: 10; radius: 5; color: page.stageColors[target.modelData.stage]; Layout.alignment: Qt.AlignTop; Layout.topMargin: 4 }
                                            Label { text: target.modelData.name; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 13 }
                                        }
                                    }
                                    Label { visible: linkBox.modelData.enterprises.length === 0; text: qsTr("暂无目标企业"); color: "#999"; font.pixelSize: 13 }
                                }
                            }
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
