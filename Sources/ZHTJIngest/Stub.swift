import CPoppler
import CMagic
