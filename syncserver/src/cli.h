// The syncserver command line: init, serve, user, demo, backup, verify, score.
#pragma once

namespace syncserver {

[[nodiscard]] int runCli(int argc, char **argv);

} // namespace syncserver
