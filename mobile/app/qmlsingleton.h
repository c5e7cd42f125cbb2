// QmlSingleton<T>: what a QML_SINGLETON of the app needs to hand QML the one instance the program
// made (main.cpp, or a test's setup) instead of letting the engine construct another.
#pragma once

#include <QJSEngine>
#include <QQmlEngine>

namespace mobile {

template<class T>
class QmlSingleton
{
public:
    // The instance create() returns; it outlives the engines that use it.
    static void setInstance(T *instance) { s_instance = instance; }
    [[nodiscard]] static bool isInstance(const T *object) { return s_instance == object; }

    static T *create(QQmlEngine *, QJSEngine *)
    {
        // The engine must not delete the instance its maker owns.
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline T *s_instance = nullptr;
};

} // namespace mobile
