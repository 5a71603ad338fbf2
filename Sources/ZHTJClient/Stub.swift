import ZHTJCore
