#include "application.h"

int main(int argc, char** argv) { return caseboard::app::runApplication(argc, argv); }
